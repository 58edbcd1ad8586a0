using System.Globalization;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Learning.Plasticity;
using ScottPlot;

namespace NeuroSim.Bench.EventDriven;

/// <summary>
/// Song, Miller &amp; Abbott (2000), Nat Neurosci 3:919, Fig. 1: additive STDP with slightly dominant depression
/// (A⁻τ⁻ &gt; A⁺τ⁺) on the 1000 excitatory inputs of one LIF neuron driven by independent Poisson trains drives
/// the weights to a bimodal distribution, piled up at 0 and at w_max.
/// Current-based adaptation (ours): τ_m 20 ms, E_L −70 mV, V_t −54 mV, V_r −60 mV, t_ref 1 ms, τ_e 5 ms;
/// inputs 1000 × 10 Hz Poisson (exact, off-grid times), w_max 1 mV (jump of x_e), initial w ~ U[0, w_max];
/// A⁺ = 0.005·w_max, A⁻ = 1.05·A⁺, τ⁺ = τ⁻ = 20 ms, all-to-all, hard bounds. Event engine, exact timing.
/// `dotnet run -c Release --project Sim.Bench -- song2000 [seconds] [out.png]`.
/// </summary>
public static class Song2000
{
    private sealed class Counter : IEventSpikeSink
    {
        public long Output;

        public void OnSpike(int population, int neuron, double time)
        {
            if (population == 1)
                Output++;
        }
    }

    public static void Run(string[] args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        string png = args.Length > 1 ? args[1] : "docs/images/song2000-weights.png";
        const int inputs = 1000;
        const double rateHz = 10, wMax = 1.0;
        var rng = new Random(2000);

        double durationMs = seconds * 1000;
        var times = new double[inputs][];
        for (int i = 0; i < inputs; i++)
        {
            var list = new List<double>();
            for (double t = Exp(rng, rateHz); t < durationMs; t += Exp(rng, rateHz))
                list.Add(t);
            times[i] = [.. list];
        }

        var weights = Enumerable.Range(0, inputs).Select(_ => (float)(wMax * rng.NextDouble())).ToArray();
        var initial = (float[])weights.Clone();
        var rule = new PairStdp(new PairStdpParameters(0.005 * wMax, 1.05 * 0.005 * wMax, 20, 20, 0, wMax));
        var lif = new LifConstants(20, 5, 5, -70, 0, -54);
        var net = new EventNetwork(0.1,
            [EventPopulation.Source("input", times), EventPopulation.LifNeurons("neuron", lif, -60, 1, [-70])],
            [new EventProjection("stdp", 0, 1, false, [.. Enumerable.Range(0, inputs + 1)], new int[inputs], weights,
                inputs, 1, 1f, 0, rule)]);
        var counter = new Counter();
        var engine = new EventDrivenEngine(net, SpikeTiming.Exact);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        engine.Run(durationMs, counter);

        double low = weights.Count(w => w < 0.1 * wMax) / (double)inputs;
        double high = weights.Count(w => w > 0.9 * wMax) / (double)inputs;
        Console.WriteLine($"song2000: {seconds} s simulated in {clock.Elapsed.TotalSeconds:F1} s; output rate " +
                          $"{counter.Output / seconds:F2} Hz; final w/w_max < 0.1: {low:P1}, > 0.9: {high:P1} " +
                          $"(initial: {initial.Count(w => w < 0.1 * wMax) / (double)inputs:P1}, " +
                          $"{initial.Count(w => w > 0.9 * wMax) / (double)inputs:P1})");
        Plot(png, initial, weights, wMax, seconds);
        Console.WriteLine($"plot: {png}");
    }

    private static double Exp(Random rng, double rateHz) => -Math.Log(1 - rng.NextDouble()) * 1000 / rateHz;

    private static void Plot(string path, float[] initial, float[] final, double wMax, double seconds)
    {
        var plot = new Plot();
        const int bins = 25;
        var series = new[] { (initial, "initial", Colors.Gray), (final, $"after {seconds:g} s", Colors.C0) };
        foreach (var (data, label, color) in series)
        {
            var counts = new double[bins];
            foreach (float w in data)
                counts[Math.Min(bins - 1, (int)(w / wMax * bins))]++;
            var positions = Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins).ToArray();
            var bars = plot.Add.Bars(positions, counts);
            bars.Color = color.WithAlpha(label == "initial" ? 0.5 : 0.9);
            foreach (var bar in bars.Bars)
                bar.Size = 0.8 / bins;
            bars.LegendText = label;
        }

        plot.Title("Song, Miller & Abbott (2000): STDP makes input weights bimodal");
        plot.XLabel("w / w_max");
        plot.YLabel("synapses");
        plot.ShowLegend();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 800, 450);
    }
}
