using System.Diagnostics;
using NeuroSim.Learning.Blas;

namespace NeuroSim.Bench.Ann;

/// <summary>
/// A plain timing loop for the side-by-side comparison with PyTorch (scripts/bench-ann-vs-torch.sh):
/// <c>NeuroSim.Bench ann-throughput HIDDEN THREADS SECONDS</c> warms up for 2 s, then runs training steps for
/// SECONDS and prints one line "neurosim HIDDEN THREADS samples_per_second".
/// </summary>
public static class AnnThroughput
{
    public static void Run(string[] args)
    {
        int hidden = int.Parse(args[0]), threads = int.Parse(args[1]);
        double seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        Gemm.SetThreads(threads);
        var workload = new AnnWorkload(hidden);
        Measure(workload, 2.0);
        var (steps, elapsed) = Measure(workload, seconds);
        double rate = steps * AnnWorkload.Batch / elapsed;
        Console.WriteLine(FormattableString.Invariant($"neurosim {hidden} {threads} {rate:F1} {Gemm.BackendName}"));
    }

    private static (long Steps, double Seconds) Measure(AnnWorkload workload, double seconds)
    {
        var clock = Stopwatch.StartNew();
        long steps = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            workload.Step();
            steps++;
        }

        return (steps, clock.Elapsed.TotalSeconds);
    }
}
