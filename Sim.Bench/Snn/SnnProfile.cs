using System.Diagnostics;
using NeuroSim.Learning.Blas;

namespace NeuroSim.Bench.Snn;

/// <summary>
/// Where a training step's time goes: <c>NeuroSim.Bench snn-profile [batches]</c> times, on one thread, the
/// Poisson encoding, the input spike lists (both views), the hidden layer's forward pass, the forward pass alone
/// (encoding included) and the whole training step for several chunk sizes, median of the batches after 10
/// warm-up repetitions.
/// </summary>
public static class SnnProfile
{
    public static int Run(string[] args)
    {
        int batches = args.Length > 1 ? int.Parse(args[1]) : 10;
        Gemm.SetThreads(1);
        var (inputs, labels, keys, features) = SnnBenchmarkSetup.LoadBatch(0);
        var trainer = SnnBenchmarkSetup.CreateTrainer(features, threads: 1);
        var predictions = new int[SnnBenchmarkSetup.Batch];
        double Median(Action step)
        {
            var times = new List<double>();
            for (int b = -10; b < batches; b++)
            {
                var watch = Stopwatch.StartNew();
                step();
                if (b >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            return times[times.Count / 2];
        }

        var encoder = new NeuroSim.Encoders.Spikes.PoissonEncoder(SnnBenchmarkSetup.Steps, 1000, 1, 7);
        var raster = new float[SnnBenchmarkSetup.Steps * features];
        double encode = Median(() =>
        {
            for (int i = 0; i < SnnBenchmarkSetup.Batch; i++)
            {
                encoder.Encode(inputs.AsSpan(i * features, features), raster, keys[i]);
            }
        });
        var layer = trainer.Network.Layers[0];
        var list = new NeuroSim.Learning.Spiking.SpikeList(SnnBenchmarkSetup.Steps, features);
        double build = Median(() =>
        {
            for (int i = 0; i < SnnBenchmarkSetup.Batch; i++)
            {
                list.Build(raster);
                list.IndexByInput();
            }
        });
        var v = new float[SnnBenchmarkSetup.Steps * layer.Size];
        var y = new float[SnnBenchmarkSetup.Steps * layer.Size];
        double hidden = Median(() =>
        {
            for (int i = 0; i < SnnBenchmarkSetup.Batch; i++)
            {
                layer.Forward(list, v, y, SnnBenchmarkSetup.Steps);
            }
        });
        Console.WriteLine($"per batch of {SnnBenchmarkSetup.Batch}: encode {encode:F1} ms, input spike lists " +
            $"{build:F1} ms, hidden layer forward {hidden:F1} ms; input spikes per step " +
            $"{raster.Count(s => s != 0) / (double)SnnBenchmarkSetup.Steps:F0}");
        foreach (int chunk in new[] { 16, 32, 64, 128 })
        {
            var t = SnnBenchmarkSetup.CreateTrainer(features, threads: 1, chunkSize: chunk);
            double ms = Median(() => t.TrainBatch(inputs, labels, keys, SnnBenchmarkSetup.Batch, 0, 0));
            Console.WriteLine($"chunk size {chunk}: training step {ms:F1} ms");
        }

        double forward = Median(() => trainer.Engine.Predict(inputs, keys, SnnBenchmarkSetup.Batch, predictions));
        double step = Median(() => trainer.TrainBatch(inputs, labels, keys, SnnBenchmarkSetup.Batch, 0, 0));
        Console.WriteLine($"one thread, batch {SnnBenchmarkSetup.Batch}: forward {forward:F1} ms, " +
            $"training step {step:F1} ms " +
            $"(backward + update ≈ {step - forward:F1} ms)");
        return 0;
    }
}
