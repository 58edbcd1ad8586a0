using System.Diagnostics;
using NeuroSim.Learning.Blas;

namespace NeuroSim.Bench.Snn;

/// <summary>
/// Stopwatch measurement of SNN training throughput (samples per second) for scripts/bench-snn-vs-torch.sh:
/// <c>NeuroSim.Bench snn-throughput [threads] [batches] [warmup]</c>. <c>warmup</c> untimed steps (default 10:
/// the JIT's tiered compilation replaces the first, unoptimised code of the hot methods during the first few
/// steps, so two warm-up steps left half of the timed steps slower), then the median of <c>batches</c> timed
/// training steps (forward, BPTT, Adam update) on real MNIST batches. Last comparisons (docs/results-snn.md):
/// <c>scripts/bench-snn-vs-torch.sh 1 10 5</c>, one thread, medians of 5 alternating rounds: 4.18x PyTorch
/// (5,978 vs 1,430 samples/s) at load 5–8, 2.8–3.9x at load 9–20; 4.1–4.3x in process CPU time per step. The
/// process CPU time per step and the fastest step are printed too: on a machine shared with other jobs they move
/// less than the median wall time.
/// </summary>
public static class SnnThroughput
{
    public static int Run(string[] args)
    {
        int threads = args.Length > 1 ? int.Parse(args[1]) : 1;
        int batches = args.Length > 2 ? int.Parse(args[2]) : 10;
        int warmup = args.Length > 3 ? int.Parse(args[3]) : 10;
        Gemm.SetThreads(1);
        var (inputs, labels, keys, features) = SnnBenchmarkSetup.LoadBatch(0);
        var trainer = SnnBenchmarkSetup.CreateTrainer(features, threads);
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int b = -warmup; b < batches; b++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            trainer.TrainBatch(inputs, labels, keys, SnnBenchmarkSetup.Batch, 0, b);
            if (b >= 0)
            {
                times.Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
            }
        }

        times.Sort();
        cpu.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine($"neurosim snn 784-256-10 LIF T={SnnBenchmarkSetup.Steps} batch={SnnBenchmarkSetup.Batch} " +
            $"threads={threads}: median {median * 1000:F1} ms/batch (fastest {times[0] * 1000:F1}, process CPU " +
            $"{cpu[cpu.Count / 2] * 1000:F1} ms/batch), {SnnBenchmarkSetup.Batch / median:F0} samples/s");
        return 0;
    }
}
