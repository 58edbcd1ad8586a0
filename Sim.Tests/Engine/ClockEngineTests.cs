using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Random;
using NeuroSim.Core.Recording;
using NeuroSim.Encoders.Sources;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Engine;

public class ClockEngineTests
{
    private static readonly LifParameters Quiet = new(20, 250, -70, -50, -70, 2, 5, 10);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Step_SpikeWithDelay_ArrivesAtStepOnePlusDelayAfterIt(int delay)
    {
        // Spike found in step 0 (the source's first) → delivered at the start of step 1 + delay, so g_e is 0
        // through step delay and equals w·P_e (float) after step 1 + delay.
        var source = new RegularSourcePopulation("src", 1, 1.0);
        var target = new LifPopulation("lif", 1, Quiet);
        var connection = Connection.Sparse("c", 0, 1, Receptor.Excitatory, [0, 1], [0], [1.5f], null, delay);
        var network = new SimulationNetwork(0.1, [source, target], [connection]);
        using var engine = new ClockEngine(network);

        for (int s = 0; s <= delay; s++)
        {
            engine.Step();
            Assert.Equal(0f, target.Ge[0]);
        }

        engine.Step();
        Assert.Equal(1.5f * (float)Math.Exp(-0.1 / 5), target.Ge[0]);
        Assert.Equal(1, engine.SynapticEvents);
    }

    [Fact]
    public void Step_PerSynapseDelays_EachSynapseArrivesOnTime()
    {
        var source = new RegularSourcePopulation("src", 1, 1.0);
        var target = new LifPopulation("lif", 3, Quiet);
        var connection = Connection.Sparse("c", 0, 1, Receptor.Inhibitory, [0, 3], [0, 1, 2], [-1f, -1f, -1f],
            [0, 2, 4]);
        var network = new SimulationNetwork(0.1, [source, target], [connection]);
        using var engine = new ClockEngine(network);
        var firstNonZero = new long[] { -1, -1, -1 };

        for (int s = 0; s < 8; s++)
        {
            engine.Step();
            for (int i = 0; i < 3; i++)
            {
                if (firstNonZero[i] < 0 && target.Gi[i] != 0)
                {
                    firstNonZero[i] = s;
                }
            }
        }

        Assert.Equal([1L, 3, 5], firstNonZero);
    }

    [Fact]
    public void Run_DenseAndSparseForms_GiveIdenticalSpikes()
    {
        var (dense, sparse) = (RandomNetwork(dense: true, seed: 5), RandomNetwork(dense: false, seed: 5));

        Assert.Equal(Record(sparse, threads: 1, steps: 2000), Record(dense, threads: 1, steps: 2000));
    }

    [Fact]
    public void Run_OneTwoThreeThreads_BitIdenticalSpikes()
    {
        // 2600 LIF neurons span three blocks, so worker threads really split the work.
        var one = Record(RandomNetwork(dense: false, seed: 11), threads: 1, steps: 1500);
        var two = Record(RandomNetwork(dense: false, seed: 11), threads: 2, steps: 1500);
        var three = Record(RandomNetwork(dense: false, seed: 11), threads: 3, steps: 1500);

        Assert.True(one.Count > 1000, $"the test network should be active (got {one.Count} spikes)");
        Assert.Equal(one, two);
        Assert.Equal(one, three);
    }

    [Fact]
    public void Step_AfterWarmUp_AllocatesNothing()
    {
        // Best of three windows of 1000 steps: a real per-step allocation shows in every window (>= 1000 objects),
        // while a one-off runtime event (e.g. the JIT tiering up a method during the first window) shows in one.
        var network = RandomNetwork(dense: false, seed: 3);
        using var engine = new ClockEngine(network);
        engine.AddObserver(new SpikeStatistics(network.Populations.Select(p => p.Size).ToList()));
        engine.Run(200);
        long best = long.MaxValue;

        for (int window = 0; window < 3; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            engine.Run(1000);
            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(engine.SynapticEvents > 0);
        Assert.Equal(0, best);
    }

    [Fact]
    public void Constructor_TargetIsASource_ThrowsNamingConnection()
    {
        var a = new RegularSourcePopulation("a", 1, 1.0);
        var b = new PoissonSourcePopulation("b", 1, 1.0, 1);
        var c = Connection.Sparse("a_to_b", 0, 1, Receptor.Excitatory, [0, 1], [0], [1f], null);

        var error = Assert.Throws<ArgumentException>(() => new SimulationNetwork(0.1, [a, b], [c]));

        Assert.Contains("a_to_b", error.Message);
        Assert.Contains("takes no synaptic input", error.Message);
    }

    [Fact]
    public void Constructor_PostIndexOutsideTarget_ThrowsNamingIt()
    {
        var a = new RegularSourcePopulation("a", 1, 1.0);
        var b = new LifPopulation("b", 2, Quiet);
        var c = Connection.Sparse("ab", 0, 1, Receptor.Excitatory, [0, 1], [5], [1f], null);

        var error = Assert.Throws<ArgumentException>(() => new SimulationNetwork(0.1, [a, b], [c]));

        Assert.Contains("post index 5", error.Message);
    }

    [Theory]
    [InlineData(65_536)] // 16-bit copies of the post indices
    [InlineData(65_537)] // the connection's own 32-bit indices
    public void Step_SpikeIntoLargeTarget_ReachesExactlyItsTargetsWithTheirWeights(int size)
    {
        var source = new RegularSourcePopulation("src", 1, 10_000.0); // fires at step 0
        var lif = new LifPopulation("lif", size, Quiet);
        int last = size - 1;
        var connection = Connection.Sparse(
            "drive", 0, 1, Receptor.Excitatory, [0, 3], [0, last, 12_345], [1f, 2f, 3f], null);
        using var engine = new ClockEngine(new SimulationNetwork(0.1, [source, lif], [connection]));

        engine.Run(2); // step 0 fires, step 1 consumes the jumps and decays them once

        var ge = lif.Variable("g_e");
        Assert.True(ge[0] > 0);
        Assert.Equal(2f * ge[0], ge[last]);
        Assert.Equal(3f * ge[0], ge[12_345]);
        Assert.Equal(3, ge.Count(g => g != 0));
    }

    [Fact]
    public void Constructor_DescendingRowStarts_ThrowsNamingIt()
    {
        // Delivery indexes the synapse arrays without bounds checks, so row starts that run past the synapse
        // count (here row 0 claims synapses 0 .. 2 of a one-synapse connection) must be refused up front.
        var a = new RegularSourcePopulation("a", 2, 1.0);
        var b = new LifPopulation("b", 2, Quiet);
        var c = Connection.Sparse("ab", 0, 1, Receptor.Excitatory, [0, 2, 1], [0], [1f], null);

        var error = Assert.Throws<ArgumentException>(() => new SimulationNetwork(0.1, [a, b], [c]));

        Assert.Contains("ab", error.Message);
        Assert.Contains("ascending (row 1: 2 .. 1)", error.Message);
    }

    /// <summary>200 Poisson sources at 40 Hz drive 2600 LIF neurons (p = 0.1, 3 mV) that inhibit each other
    /// sparsely (p = 0.01, -1 mV, 1-step delay); dense or sparse storage of the same weights.</summary>
    internal static SimulationNetwork RandomNetwork(bool dense, ulong seed)
    {
        const int nSrc = 200, nLif = 2600;
        var source = new PoissonSourcePopulation("src", nSrc, 40.0, seed);
        var lif = new LifPopulation("lif", nLif, Quiet with { RestingPotential = -60 });
        var rng = new SplitMix64(seed);
        var drive = new float[nLif * nSrc];
        for (int k = 0; k < drive.Length; k++)
        {
            drive[k] = rng.NextDouble() < 0.1 ? 3f : 0f;
        }

        var rowStart = new List<int> { 0 };
        var post = new List<int>();
        for (int pre = 0; pre < nLif; pre++)
        {
            for (int j = 0; j < nLif; j++)
            {
                if (rng.NextDouble() < 0.01)
                {
                    post.Add(j);
                }
            }

            rowStart.Add(post.Count);
        }

        var weights = Enumerable.Repeat(-1f, post.Count).ToArray();
        var recurrent = Connection.Sparse("ii", 1, 1, Receptor.Inhibitory, [.. rowStart], [.. post], weights, null, 1);
        Connection input = dense
            ? Connection.DenseMatrix("drive", 0, 1, Receptor.Excitatory, drive, nSrc, nLif)
            : ToSparse(drive, nSrc, nLif);
        return new SimulationNetwork(0.1, [source, lif], [input, recurrent]);
    }

    private static Connection ToSparse(float[] dense, int nPre, int nPost)
    {
        var rowStart = new List<int> { 0 };
        var post = new List<int>();
        var weight = new List<float>();
        for (int pre = 0; pre < nPre; pre++)
        {
            for (int j = 0; j < nPost; j++)
            {
                if (dense[j * nPre + pre] != 0)
                {
                    post.Add(j);
                    weight.Add(dense[j * nPre + pre]);
                }
            }

            rowStart.Add(post.Count);
        }

        return Connection.Sparse("drive", 0, 1, Receptor.Excitatory, [.. rowStart], [.. post], [.. weight], null);
    }

    internal static List<SpikeEvent> Record(SimulationNetwork network, int threads, int steps)
    {
        var sink = new MemorySpikeSink();
        using var engine = new ClockEngine(network, threads);
        using var recorder = new SpikeRecorder([true, true], sink);
        engine.AddObserver(recorder);
        engine.Run(steps);
        recorder.Complete();
        return [.. sink.Events];
    }
}
