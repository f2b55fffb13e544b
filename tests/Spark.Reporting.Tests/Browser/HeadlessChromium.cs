using System.Diagnostics;

namespace Spark.Reporting.Tests.Browser;

/// <summary>
/// Debian's Chromium started headless with a fresh profile and a DevTools port chosen by the browser, with the
/// flags that keep it off the (closed) network. Disposing kills the process tree it started and removes the profile.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    const string DefaultPath = "/usr/bin/chromium";
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    readonly Process _process;
    readonly string _profile;
    readonly int _port;

    HeadlessChromium(Process process, string profile, int port) => (_process, _profile, _port) = (process, profile, port);

    /// <summary>The browser to use: <c>SPARK_CHROMIUM</c> if set, else Debian's <c>/usr/bin/chromium</c> (it may be absent).</summary>
    public static string Executable() =>
        Environment.GetEnvironmentVariable("SPARK_CHROMIUM") is { Length: > 0 } p ? p : DefaultPath;

    public static async Task<HeadlessChromium> Start(string executable)
    {
        string profile = Directory.CreateTempSubdirectory("spark-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1000",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) log.Enqueue(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) log.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // Chromium writes the port it bound (and the browser endpoint path) to DevToolsActivePort in the profile.
        string portFile = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{executable} exited with {process.ExitCode}: {string.Join('\n', log)}");
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var port, ..] && int.TryParse(port, out int p))
                return new HeadlessChromium(process, profile, p);
            await Task.Delay(50);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{executable} did not open a DevTools port in {StartTimeout.TotalSeconds} s: {string.Join('\n', log)}");
    }

    /// <summary>Opens a new tab and connects to it.</summary>
    public async Task<DevToolsConnection> NewPage()
    {
        string browserPath = File.ReadAllLines(Path.Combine(_profile, "DevToolsActivePort"))[1];
        string targetId;
        await using (var browser = await DevToolsConnection.Open(new Uri($"ws://127.0.0.1:{_port}{browserPath}")))
            targetId = (await browser.Send("Target.createTarget", new { url = "about:blank" })).GetProperty("targetId").GetString()!;
        return await DevToolsConnection.Open(new Uri($"ws://127.0.0.1:{_port}/devtools/page/{targetId}"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // already gone
        }
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { /* a child still closing a file; the temp folder is harmless */ }
    }
}
