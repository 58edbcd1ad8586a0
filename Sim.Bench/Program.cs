using BenchmarkDotNet.Running;
using NeuroSim.Bench.Ann;

namespace NeuroSim.Bench;

/// <summary>
/// Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project Sim.Bench -- --filter '*'</c>;
/// <c>-- ann-throughput HIDDEN THREADS SECONDS</c> runs the plain ANN timing loop used by
/// scripts/bench-ann-vs-torch.sh.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ann-throughput")
        {
            AnnThroughput.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
