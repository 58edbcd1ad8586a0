using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;
using NeuroSim.Encoders.Sources;
using NeuroSim.Neurons.EventDriven;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// The event engine (grid timing) against the clock engine itself on the same <see cref="SimulationNetwork"/>:
/// same populations, same weight arrays, same Poisson input. Expectation: identical spike trains. The clock
/// engine keeps its state in float32 and the event engine in double, so a spike can differ only where the
/// clock's V lands within float rounding (~1e-5 mV) of V_t at a grid point; the test reports the count.
/// </summary>
public class ClockAgreementTests
{
    internal sealed class ClockSpikes : ISpikeObserver
    {
        public List<(int Pop, int Neuron, long Step)> Spikes { get; } = [];

        public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
        {
            foreach (int n in neurons)
                Spikes.Add((population, n, step));
        }

        public void OnStepEnd(long step)
        {
        }
    }

    internal static SimulationNetwork Build(int seed, int size = 40)
    {
        var rng = new Random(seed);
        var p = new LifParameters(20, 250, -60, -50, -60, rng.Next(0, 30) * 0.1, 5, 10);
        var lif = new LifPopulation("exc", size, p);
        for (int i = 0; i < size; i++)
            lif.V[i] = (float)(-60 + 10 * rng.NextDouble());
        var noise = new PoissonSourcePopulation("noise", 20, 40 + 40 * rng.NextDouble(), (ulong)seed);
        var connections = new List<Connection>
        {
            SparseRandom(rng, "in", 0, 1, 20, size, 0.3, Receptor.Excitatory, 2, 6, rng.Next(0, 4)),
            SparseRandom(rng, "ee", 1, 1, size, size, 0.1, Receptor.Excitatory, 0.5, 3, rng.Next(0, 4)),
            SparseRandom(rng, "ei", 1, 1, size, size, 0.1, Receptor.Inhibitory, -6, -1, rng.Next(0, 4)),
        };
        lif.AddCurrent(100 + 300 * rng.NextDouble(), null);
        return new SimulationNetwork(0.1, [noise, lif], connections);
    }

    private static Connection SparseRandom(Random rng, string name, int source, int target, int pre, int post,
        double prob, Receptor receptor, double wLo, double wHi, int delaySteps)
    {
        var (rowStart, targets, weights) = RandomRows(rng, pre, post, prob, wLo, wHi);
        return Connection.Sparse(name, source, target, receptor, rowStart, targets, weights, null, delaySteps);
    }

    /// <summary>Random sparse rows (also the float64 agreement tests' generator): each of the
    /// <paramref name="pre"/> × <paramref name="post"/> pairs is connected with probability
    /// <paramref name="prob"/>, its weight uniform in [<paramref name="wLo"/>, <paramref name="wHi"/>).</summary>
    internal static (int[] RowStart, int[] Targets, float[] Weights) RandomRows(
        Random rng, int pre, int post, double prob, double wLo, double wHi)
    {
        var rowStart = new int[pre + 1];
        var targets = new List<int>();
        var weights = new List<float>();
        for (int i = 0; i < pre; i++)
        {
            for (int j = 0; j < post; j++)
            {
                if (rng.NextDouble() < prob)
                {
                    targets.Add(j);
                    weights.Add((float)(wLo + (wHi - wLo) * rng.NextDouble()));
                }
            }

            rowStart[i + 1] = targets.Count;
        }

        return (rowStart, [.. targets], [.. weights]);
    }

    internal static (List<(int, int, long)> Clock, List<(int, int, long)> Event) RunBoth(SimulationNetwork net,
        double duration)
    {
        // The event view must be taken before the clock run changes the populations' state.
        var view = EventNetworkFactory.From(net);
        var sink = new EventDrivenEngineTests.SpikeList();
        new EventDrivenEngine(view, SpikeTiming.Grid).Run(duration, sink);

        var clock = new ClockSpikes();
        using (var engine = new ClockEngine(net))
        {
            engine.AddObserver(clock);
            engine.Run((long)Math.Round(duration / net.Dt));
        }

        var ev = sink.Spikes.Select(s => (s.Pop, s.Neuron, (long)Math.Round(s.Time / net.Dt)))
            .OrderBy(s => s.Item3).ThenBy(s => s.Pop).ThenBy(s => s.Neuron).ToList();
        var ck = clock.Spikes.Select(s => (s.Pop, s.Neuron, s.Step))
            .OrderBy(s => s.Item3).ThenBy(s => s.Item1).ThenBy(s => s.Item2).ToList();
        return (ck, ev);
    }

    internal static string FirstDifference(List<(int, int, long)> a, List<(int, int, long)> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            if (a[i] != b[i])
                return $"#{i}: clock {a[i]} event {b[i]}";
        return "at the end";
    }

    // V_t − V (double, event engine) at the end of the step where the first differing spike is; tiny = rounding tie.
    internal static double Margin(int seed, List<(int, int, long)> a, List<(int, int, long)> b)
    {
        int i = 0;
        while (a[i] == b[i])
            i++;
        var (pop, neuron, step) = a[i].Item3 <= b[i].Item3 ? a[i] : b[i];
        var view = EventNetworkFactory.From(Build(seed));
        var engine = new EventDrivenEngine(view, SpikeTiming.Grid);
        engine.Run((step + 1) * 0.1, null);
        return view.Populations[pop].Lif!.Value.Threshold - engine.StateOf(pop, neuron, (step + 1) * 0.1).V;
    }

    [Fact]
    public void Run_RandomSmallNetworks_SameSpikesAsClockEngineUpToFloatTies()
    {
        // Where the trains differ, the first difference must be a float32 rounding tie: the event engine's
        // double V within 1e-4 mV of V_t at that grid point (float32 V near -50 mV rounds by ~4e-6 mV per step;
        // a logic error shows margins of mV). Measured when written: 30/40 identical over 300 ms, the other
        // 10 differ first at margins of 3e-6 to 3e-5 mV.
        int identical = 0, lifSpikes = 0;
        var report = new List<string>();
        for (int seed = 1; seed <= 40; seed++)
        {
            var (clock, ev) = RunBoth(Build(seed), 300);
            lifSpikes += clock.Count(s => s.Item1 == 1);
            if (clock.SequenceEqual(ev))
            {
                identical++;
                continue;
            }

            double margin = Margin(seed, clock, ev);
            Assert.True(Math.Abs(margin) < 1e-4,
                $"seed {seed}: first difference {FirstDifference(clock, ev)} is {margin} mV from threshold");
        }

        Assert.True(lifSpikes > 3000, $"test set-up: only {lifSpikes} LIF spikes");
        Assert.True(identical >= 25, $"only {identical}/40 networks gave identical trains");
    }

    [Fact]
    public void Run_SpikeTimeListedTwice_OneSpikeInBothEngines()
    {
        // Breaker finding: the clock engine fired the source once at a repeated time, the event engine twice (and
        // the doubled PSP, 2 × 0.157 × 40 mV, fired the target). One spike per instant in both now.
        var source = new SpikeTimeSourcePopulation("src", [[1.0, 1.0, 5.0]]);
        var lif = new LifPopulation("n", 1, new LifParameters(20, 250, -60, -50, -60, 2, 5, 10));
        lif.V[0] = -60;
        var c = Connection.Sparse("in", 0, 1, Receptor.Excitatory, [0, 1], [0], [40f], null, 0);
        var (clock, ev) = RunBoth(new SimulationNetwork(0.1, [source, lif], [c]), 20);
        Assert.Equal([(0, 0, 10L), (0, 0, 50L)], clock.Where(s => s.Item1 == 0));
        Assert.Equal(clock, ev);
    }
}
