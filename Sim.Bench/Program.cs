using BenchmarkDotNet.Running;
using NeuroSim.Bench.Snn;

namespace NeuroSim.Bench;

/// <summary>
/// Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project Sim.Bench -- --filter '*'</c>;
/// <c>-- snn-throughput [threads] [batches]</c> runs the stopwatch measurement used beside PyTorch;
/// <c>-- ann-to-snn FILE EPOCHS [STEPS...]</c> the ANN-to-SNN conversion experiment.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "snn-throughput")
        {
            return SnnThroughput.Run(args);
        }

        if (args.Length > 0 && args[0] == "snn-profile")
        {
            return SnnProfile.Run(args);
        }

        if (args.Length > 2 && args[0] == "ann-to-snn")
        {
            return AnnToSnnExperiment.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
