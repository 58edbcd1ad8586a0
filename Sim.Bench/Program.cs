using BenchmarkDotNet.Running;
using NeuroSim.Bench.Snn;

namespace NeuroSim.Bench;

/// <summary>
/// Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project Sim.Bench -- --filter '*'</c>;
/// <c>-- snn-throughput [threads] [batches]</c> runs the stopwatch measurement used beside PyTorch.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "snn-throughput")
        {
            return SnnThroughput.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
