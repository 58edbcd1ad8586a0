using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// Grid timing: the event engine must give the same spike trains as a clock-driven reference on random small
/// networks (recurrent excitation and inhibition, delays, refractoriness, grid-aligned input spikes).
/// Both are exact integrators in double precision, so they differ only by rounding (~1e-13 mV); a spike can
/// only differ when V lands within that of V_t at a grid point, which these random networks never do.
/// </summary>
public class GridAgreementTests
{
    internal static EventNetwork RandomNetwork(int seed, int size = 30, int inputs = 10, double inputRate = 0.04)
    {
        var rng = new Random(seed);
        double dt = 0.1;
        var c = new LifConstants(20, 5, 10, -60, 4 + 10 * rng.NextDouble(), -50);
        var initial = Enumerable.Range(0, size).Select(_ => -60 + 10 * rng.NextDouble()).ToArray();
        var refractory = rng.Next(0, 30) * dt;

        var times = Enumerable.Range(0, inputs).Select(_ =>
            Enumerable.Range(0, 2000).Where(_ => rng.NextDouble() < inputRate).Select(n => n * dt).ToArray()).ToArray();

        var pops = new List<EventPopulation>
        {
            EventPopulation.Source("in", times),
            EventPopulation.LifNeurons("exc", c, -60, refractory, initial),
        };
        var projs = new List<EventProjection>
        {
            Sparse(rng, "in_exc", 0, 1, inputs, size, 0.3, false, 2, 6, rng.Next(0, 4) * dt),
            Sparse(rng, "exc_exc", 1, 1, size, size, 0.1, false, 0.5, 3, rng.Next(0, 4) * dt),
            Sparse(rng, "exc_inh", 1, 1, size, size, 0.1, true, -6, -1, rng.Next(0, 4) * dt),
        };
        return new EventNetwork(dt, pops, projs);
    }

    internal static EventProjection Sparse(Random rng, string name, int source, int target, int pre, int post,
        double p, bool inhibitory, double wLo, double wHi, double delay)
    {
        var rowStart = new int[pre + 1];
        var targets = new List<int>();
        var weights = new List<float>();
        for (int i = 0; i < pre; i++)
        {
            for (int j = 0; j < post; j++)
            {
                if (rng.NextDouble() < p)
                {
                    targets.Add(j);
                    weights.Add((float)(wLo + (wHi - wLo) * rng.NextDouble()));
                }
            }

            rowStart[i + 1] = targets.Count;
        }

        return new EventProjection(name, source, target, inhibitory, rowStart, [.. targets], [.. weights], pre, post,
            1f, delay);
    }

    [Fact]
    public void Run_RandomSmallNetworks_MatchesGridReference()
    {
        int totalSpikes = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            var net = RandomNetwork(seed);
            var sink = new EventDrivenEngineTests.SpikeList();
            new EventDrivenEngine(net, SpikeTiming.Grid).Run(200, sink);
            var reference = GridReference.Run(net, 200);

            var a = sink.Spikes.Select(s => (s.Pop, s.Neuron, Math.Round(s.Time / 0.1))).ToList();
            var b = reference.Select(s => (s.Pop, s.Neuron, Math.Round(s.Time / 0.1))).ToList();
            var lif = a.Count(s => s.Pop == 1);
            Assert.True(Same(a, b), $"seed {seed}: {a.Count} event spikes vs {b.Count} reference; " +
                                    $"first difference at {FirstDifference(a, b)}");
            totalSpikes += lif;
        }

        Assert.True(totalSpikes > 2000, $"test set-up: only {totalSpikes} LIF spikes over 40 networks");
    }

    private static bool Same(List<(int, int, double)> a, List<(int, int, double)> b) =>
        a.OrderBy(s => s.Item3).ThenBy(s => s.Item1).ThenBy(s => s.Item2)
            .SequenceEqual(b.OrderBy(s => s.Item3).ThenBy(s => s.Item1).ThenBy(s => s.Item2));

    private static string FirstDifference(List<(int, int, double)> a, List<(int, int, double)> b)
    {
        var sa = a.OrderBy(s => s.Item3).ThenBy(s => s.Item1).ThenBy(s => s.Item2).ToList();
        var sb = b.OrderBy(s => s.Item3).ThenBy(s => s.Item1).ThenBy(s => s.Item2).ToList();
        for (int i = 0; i < Math.Min(sa.Count, sb.Count); i++)
            if (sa[i] != sb[i])
                return $"#{i}: event {sa[i]} reference {sb[i]}";
        return "the end of the shorter train";
    }
}
