using System.CommandLine;
using Spark.Environments.WebShop;

namespace Spark.Cli.Commands;

/// <summary><c>spark data ...</c>: fetch or build data sets. <c>spark data webshop --out DIR</c> downloads WebShop's files.</summary>
public static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Download or build data sets.");
        data.Subcommands.Add(WebShop());
        data.Subcommands.Add(DataColdStartCommand.Create());
        return data;
    }

    static Command WebShop()
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write the files to (then pass it to --data).", Required = true };
        var full = new Option<bool>("--full") { Description = "The full 1.18M-product set instead of the paper's 1,000 products." };
        var c = new Command("webshop", "Download WebShop's public data files (products, attributes, human instructions) from Google Drive.");
        c.Options.Add(outDir);
        c.Options.Add(full);
        c.SetAction((r, cancel) => DownloadWebShop(r.GetValue(outDir)!, r.GetValue(full), cancel));
        return c;
    }

    static async Task<int> DownloadWebShop(string outDir, bool full, CancellationToken cancel)
    {
        try
        {
            await WebShopDataDownloader.DownloadAsync(outDir, full ? WebShopDataDownloader.Full : WebShopDataDownloader.Small,
                Console.WriteLine, cancel: cancel);
            Console.WriteLine($"done: use --data {outDir}");
            return 0;
        }
        catch (WebShopDownloadException e)
        {
            Console.Error.WriteLine($"spark: {e.Message}");
            return 1;
        }
    }
}
