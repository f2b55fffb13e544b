using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Spark.Core.IO;

namespace Spark.Environments.WebShop;

/// <summary>A WebShop data file and its public Google Drive id (from princeton-nlp/WebShop's <c>setup.sh</c>).</summary>
public sealed record WebShopDataFile(string Name, string DriveId, string Contents);

/// <summary>The download could not be done; the message says why in one line.</summary>
public sealed class WebShopDownloadException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// Downloads WebShop's public data files the way its <c>setup.sh</c> does (<c>gdown</c> of Google Drive ids): the
/// 1,000-product set (the paper's) or the full 1.18M-product set, plus the human instructions. Each file is
/// written atomically, so an interrupted download leaves no partial file behind.
/// </summary>
public static partial class WebShopDataDownloader
{
    public const string Host = "drive.google.com";

    public static readonly WebShopDataFile[] Small =
    [
        new("items_shuffle_1000.json", "1EgHdxQ_YxqIQlvvq5iKlCrkEKR6-j0Ib", "1,000 scraped products"),
        new("items_ins_v2_1000.json", "1IduG0xl544V_A_jv3tHXC0kyFi7PnyBu", "their attributes and synthetic instructions"),
        new("items_human_ins.json", "14Kb5SPBk_jfdLZ_CDBNitW98QLDlKR5O", "crowd-sourced instructions (human goals)"),
    ];

    public static readonly WebShopDataFile[] Full =
    [
        new("items_shuffle.json", "1A2whVgOO0euk5O13n2iYDM0bQRkkRduB", "all 1.18M scraped products"),
        new("items_ins_v2.json", "1s2j6NgHljiZzQNL3veZaAiyW_qDEgBNi", "their attributes and synthetic instructions"),
        new("items_human_ins.json", "14Kb5SPBk_jfdLZ_CDBNitW98QLDlKR5O", "crowd-sourced instructions (human goals)"),
    ];

    public static string DownloadUrl(WebShopDataFile file) => $"https://{Host}/uc?export=download&id={file.DriveId}";

    [GeneratedRegex("<form[^>]*id=\"download-form\"[^>]*action=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadForm();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    /// <summary>Downloads <paramref name="files"/> into <paramref name="outDir"/>; files already there are kept.</summary>
    /// <exception cref="WebShopDownloadException">The network or Google Drive refused; nothing partial is left.</exception>
    public static async Task DownloadAsync(string outDir, IReadOnlyList<WebShopDataFile> files, Action<string> log,
        HttpMessageHandler? handler = null, CancellationToken cancel = default)
    {
        using var http = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromHours(2);
        foreach (var file in files)
        {
            string path = Path.Combine(outDir, file.Name);
            if (File.Exists(path)) { log($"{file.Name}: already present, kept"); continue; }
            try
            {
                using var response = await OpenDownload(http, file, cancel);
                log($"{file.Name}: downloading ({file.Contents})");
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                AtomicFile.Write(path, stream => body.CopyTo(stream));
                log($"{file.Name}: {new FileInfo(path).Length:N0} bytes");
            }
            catch (HttpRequestException e) when (Unreachable(e))
            {
                throw new WebShopDownloadException(
                    $"cannot reach {Host} (network unreachable: {Innermost(e).Message}); WebShop's data was not downloaded. " +
                    $"On a machine with internet access run `spark data webshop --out DIR`, or fetch {DownloadUrl(file)} and the other ids in docs/webshop.md by hand.", e);
            }
            catch (HttpRequestException e)
            {
                throw new WebShopDownloadException($"downloading {file.Name} from {Host} failed: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw new WebShopDownloadException($"downloading {file.Name} from {Host} timed out", e);
            }
        }
    }

    // Small files come straight back; large ones get Drive's "can't scan for viruses" page, whose form confirms.
    static async Task<HttpResponseMessage> OpenDownload(HttpClient http, WebShopDataFile file, CancellationToken cancel)
    {
        var response = await http.GetAsync(DownloadUrl(file), HttpCompletionOption.ResponseHeadersRead, cancel);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return response;
        string page = await response.Content.ReadAsStringAsync(cancel);
        response.Dispose();
        var form = DownloadForm().Match(page);
        if (!form.Success)
            throw new WebShopDownloadException($"{Host} answered {file.Name} with a web page instead of the file (quota exceeded or file moved?)");
        string query = string.Join('&', HiddenInput().Matches(page)
            .Select(m => $"{Uri.EscapeDataString(WebUtility.HtmlDecode(m.Groups[1].Value))}={Uri.EscapeDataString(WebUtility.HtmlDecode(m.Groups[2].Value))}"));
        var confirmed = await http.GetAsync($"{WebUtility.HtmlDecode(form.Groups[1].Value)}?{query}", HttpCompletionOption.ResponseHeadersRead, cancel);
        confirmed.EnsureSuccessStatusCode();
        return confirmed;
    }

    static bool Unreachable(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        || Innermost(e) is SocketException;

    static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }
}
