using System.CommandLine;
using System.Runtime.InteropServices;
using Spark.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Cli.Commands;

/// <summary><c>spark doctor</c>: what this machine offers Spark, proven by a real forward and backward pass.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check the machine: .NET, TorchSharp/libtorch, threads, devices, the libstdc++ fix, and a real training step.");
        command.SetAction(_ => Run());
        return command;
    }

    static int Run()
    {
        Console.WriteLine($".NET              {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
        Console.WriteLine($"OS                {RuntimeInformation.OSDescription}");
        TorchRuntime.EnsureLoadable();
        var fix = TorchRuntime.FixResult!;
        Console.WriteLine($"TorchSharp        {typeof(torch).Assembly.GetName().Version}");
        Console.WriteLine($"libtorch          {torch.__version__}");
        Console.WriteLine($"threads           {torch.get_num_threads()} (cores: {Environment.ProcessorCount})");
        bool cuda = torch.cuda.is_available();
        Console.WriteLine($"devices           cpu{(cuda ? $", cuda x{torch.cuda.device_count()}" : " (no CUDA device)")}");
        Console.WriteLine($"libstdc++ fix     {fix.Outcome}: {fix.Message}");

        // A real training step: a small MLP classifier, forward, cross-entropy, backward, AdamW.
        torch.manual_seed(0);
        var device = cuda ? CUDA : CPU;
        using var scope = torch.NewDisposeScope();
        var model = nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 8)).to(device);
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);
        var x = torch.randn(128, 32, device: device);
        var y = torch.randint(0, 8, 128, device: device);
        float first = 0, last = 0;
        for (int step = 0; step < 20; step++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0) first = last;
        }
        if (!float.IsFinite(last))
        {
            Console.Error.WriteLine($"spark doctor: training step produced a non-finite loss ({last})");
            return 1;
        }
        Console.WriteLine($"training check    loss {first:F4} -> {last:F4} after 20 AdamW steps on {device.type}");
        Console.WriteLine("ok");
        return 0;
    }
}
