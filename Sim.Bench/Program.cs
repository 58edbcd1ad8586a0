using BenchmarkDotNet.Running;
using NeuroSim.Bench.Ann;
using NeuroSim.Bench.Snn;

namespace NeuroSim.Bench;

/// <summary>
/// Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project Sim.Bench -- --filter '*'</c>.
/// Plain timing loops used beside the peers' scripts:
/// <c>-- ann-throughput HIDDEN THREADS SECONDS</c> (scripts/bench-ann-vs-torch.sh),
/// <c>-- snn-throughput [threads] [batches] [warmup]</c> (scripts/bench-snn-vs-torch.sh),
/// <c>-- snn-profile [batches]</c> (where an SNN training step's time goes),
/// <c>-- ann-to-snn FILE EPOCHS [STEPS...]</c> (the ANN-to-SNN conversion experiment),
/// <c>-- event-vs-clock [--quick] [--repeats N] [--warmup N] [--only cuba|low]
/// [--rates HZ,HZ,...] [--lookahead STEPS]</c> (the two engines side by side),
/// <c>-- song2000 [SECONDS] [PNG]</c> (STDP's bimodal weights, scripts/song-2000.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ann-throughput")
        {
            AnnThroughput.Run(args[1..]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "event-vs-clock")
        {
            int look = Array.IndexOf(args, "--lookahead") is int i and > 0 && i + 1 < args.Length
                ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
                : Core.Engine.EventDriven.EventDrivenEngine.DefaultLookAheadSteps;
            int repeats = Array.IndexOf(args, "--repeats") is int j and > 0 && j + 1 < args.Length
                ? int.Parse(args[j + 1], System.Globalization.CultureInfo.InvariantCulture)
                : 5;
            string only = Array.IndexOf(args, "--only") is int o and > 0 && o + 1 < args.Length ? args[o + 1] : "";
            int warmup = Array.IndexOf(args, "--warmup") is int u and > 0 && u + 1 < args.Length
                ? int.Parse(args[u + 1], System.Globalization.CultureInfo.InvariantCulture)
                : 2;
            double[]? rates = Array.IndexOf(args, "--rates") is int h and > 0 && h + 1 < args.Length
                ? args[h + 1].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray()
                : null;
            EventDriven.EventVsClockComparison.Run(quick: args.Contains("--quick"), look, repeats, only, warmup, rates);
            return 0;
        }

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

        if (args.Length > 0 && args[0] == "song2000")
        {
            EventDriven.Song2000.Run(args[1..]);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
