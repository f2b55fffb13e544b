using System.Net;
using System.Text;
using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The data download, against a fake HTTP handler (tests never use the network).</summary>
public class DownloaderTests
{
    sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Urls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
        {
            Urls.Add(request.RequestUri!.ToString());
            return Task.FromResult(answer(request));
        }
    }

    [Fact]
    public async Task An_unreachable_network_fails_with_one_clear_line_and_no_files()
    {
        string dir = Path.Combine(Path.GetTempPath(), "webshop-dl-" + Guid.NewGuid().ToString("N"));
        var handler = new FakeHandler(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"));
        var e = await Assert.ThrowsAsync<WebShopDownloadException>(() => WebShopDataDownloader.DownloadAsync(dir, WebShopDataDownloader.Small, _ => { }, handler));
        Assert.StartsWith("cannot reach drive.google.com (network unreachable", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Drives_confirmation_page_is_followed_and_files_are_written()
    {
        string dir = Directory.CreateTempSubdirectory("webshop-dl-").FullName;
        try
        {
            const string page = "<html><form id=\"download-form\" action=\"https://drive.usercontent.google.com/download\" method=\"get\">" +
                                "<input type=\"hidden\" name=\"id\" value=\"X\"><input type=\"hidden\" name=\"confirm\" value=\"t\"></form></html>";
            var handler = new FakeHandler(request => request.RequestUri!.Host == "drive.google.com" && request.RequestUri.Query.Contains("id=1A2w")
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(page, Encoding.UTF8, "text/html") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json") });
            var log = new List<string>();
            await WebShopDataDownloader.DownloadAsync(dir, WebShopDataDownloader.Full, log.Add, handler);
            Assert.Equal(["items_human_ins.json", "items_ins_v2.json", "items_shuffle.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            Assert.Contains("https://drive.usercontent.google.com/download?id=X&confirm=t", handler.Urls);
            Assert.Equal("[]", File.ReadAllText(Path.Combine(dir, "items_shuffle.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
