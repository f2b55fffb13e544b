using System.Collections.Concurrent;
using System.Text.Json;
using SkiaSharp;
using Spark.Reporting.Trees;

namespace Spark.Reporting.Tests.Browser;

/// <summary>
/// Opens a generated report in headless Chromium and checks what a person would: the page draws something,
/// logs no error, loads every image, and the tree view answers a click. Skips (never passes) without Chromium.
/// </summary>
public sealed class ReportRenderingTests
{
    [SkippableFact]
    public async Task The_page_renders_without_errors_and_the_tree_answers_a_click()
    {
        string chromium = HeadlessChromium.Executable();
        Skip.IfNot(File.Exists(chromium),
            $"Chromium not found at {chromium}: install Debian's package `chromium` (.ci/run does so when it can), or point SPARK_CHROMIUM at a Chromium, to check the report renders");

        string root = Directory.CreateTempSubdirectory("spark-report-browser-").FullName;
        try
        {
            var files = ReportBuilder.BuildFromFile(SampleInputs.DataFile("sample-report-input.json"), Path.Combine(root, "report"));
            var trees = RolloutTreesFile.Read(SampleInputs.TreesFile);
            var mixedTask = trees.Tasks.Single(t => t.Task == "alfworld/train/7");
            var otherTask = trees.Tasks.Single(t => t.Task == "alfworld/train/12");

            await using var browser = await HeadlessChromium.Start(chromium);
            await using var page = await browser.NewPage();
            var errors = new ConcurrentQueue<string>();
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            page.Event += (method, p) =>
            {
                switch (method)
                {
                    case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                        errors.Enqueue($"console.{p.GetProperty("type").GetString()}: {p.GetProperty("args")}");
                        break;
                    case "Runtime.exceptionThrown":
                        errors.Enqueue($"exception: {p.GetProperty("exceptionDetails")}");
                        break;
                    case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                        errors.Enqueue($"log: {p.GetProperty("entry").GetProperty("text").GetString()} {p.GetProperty("entry")}");
                        break;
                    case "Page.loadEventFired":
                        loaded.TrySetResult();
                        break;
                }
            };
            await page.Send("Runtime.enable");
            await page.Send("Log.enable");
            await page.Send("Page.enable");
            await page.Send("Emulation.setDeviceMetricsOverride", new { width = 1400, height = 1000, deviceScaleFactor = 1, mobile = false });
            await page.Send("Page.navigate", new { url = new Uri(files.IndexHtml).AbsoluteUri });
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Every image decoded (a missing PNG would also show as a log error).
            var broken = await page.Evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'))");
            Assert.Equal(0, broken.GetArrayLength());
            Assert.True((await page.Evaluate("document.images.length")).GetInt32() >= 5);

            // The screenshot is not one flat colour.
            var shot = await page.Send("Page.captureScreenshot", new { format = "png" });
            byte[] png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
            File.WriteAllBytes(Path.Combine(root, "screenshot.png"), png);
            using (var bitmap = SKBitmap.Decode(png))
            {
                Assert.Equal(1400, bitmap.Width);
                Assert.True(ReportBuilderTests.DistinctColours(bitmap) > 50, "the screenshot is (nearly) a single colour");
            }

            // A real mouse click on the winning leaf's last step shows that step's action in the side panel.
            var leafStep = mixedTask.Nodes.Single(n => n.Id == 8);
            await Click(page, ".tree-pane:not([hidden]) [data-node=\"8\"]");
            Assert.Equal(leafStep.Action, (await page.Evaluate("document.getElementById('panel-action').textContent")).GetString());
            Assert.StartsWith("Step 3 · slot 0", (await page.Evaluate("document.getElementById('panel-title').textContent")).GetString());
            Assert.True((await page.Evaluate("document.querySelector('[data-node=\"8\"]').classList.contains('selected')")).GetBoolean());
            string before = (await page.Evaluate("document.getElementById('panel-before').textContent")).GetString()!;
            Assert.Equal(mixedTask.Nodes.Single(n => n.Id == 5).Observation, before); // decided from its parent's observation

            // Switching task shows the other tree; its root's action appears on click.
            await page.Evaluate("(() => { const s = document.getElementById('tree-task'); s.value = '1'; s.dispatchEvent(new Event('change')); })()");
            Assert.Equal("", (await page.Evaluate("document.getElementById('panel-action').textContent")).GetString());
            await Click(page, ".tree-pane:not([hidden]) [data-node=\"0\"]");
            Assert.Equal(otherTask.Nodes.Single(n => n.Id == 0).Action, (await page.Evaluate("document.getElementById('panel-action').textContent")).GetString());

            await Task.Delay(200); // let late console events arrive
            Assert.True(errors.IsEmpty, "browser reported errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Scrolls the element into view and clicks its centre with real mouse events.</summary>
    static async Task Click(DevToolsConnection page, string selector)
    {
        string script = $$"""
            (() => {
              const e = document.querySelector({{JsonSerializer.Serialize(selector)}});
              if (!e) return null;
              e.scrollIntoView({ block: 'center', inline: 'center' });
              const r = e.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            })()
            """;
        var at = await page.Evaluate(script);
        Assert.True(at.ValueKind == JsonValueKind.Object, $"no element matches {selector}");
        double x = at.GetProperty("x").GetDouble(), y = at.GetProperty("y").GetDouble();
        await page.Send("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y });
        await page.Send("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 });
        await page.Send("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 });
    }
}
