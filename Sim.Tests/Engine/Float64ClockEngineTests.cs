using NeuroSim.Cli.Commands;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Recording;
using NeuroSim.Core.Synapses;
using NeuroSim.Neurons.Lif;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Engine;

/// <summary>The clock engine with float64 LIF populations ("precision": "float64"): closed forms, the ring,
/// determinism across threads, the warm-up copy, state recording and the refusals.</summary>
public class Float64ClockEngineTests
{
    private static SimulationNetwork Cuba(Precision precision, long seed = 3)
    {
        var spec = NetworkLoader.Load(Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json"));
        return SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), RunCommand.Factories(), seed,
            precision);
    }

    [Fact]
    public void Advance_ConstantCurrent_FiresAtTheClosedFormStep()
    {
        // docs/oracles.md: tau_m = 10 ms, E_l = -70 mV, R·I = 40 mV, V_t = -55 mV: V(t) = -70 + 40(1 - e^(-t/10))
        // crosses at t = 10 ln(40/25) = 4.700 ms, so the first spike is in step 47 (stamped 4.7 ms); t_ref = 2 ms
        // holds 19 steps after it and the next crossing is 47 steps after release (step 67): steps 47, 114, 181.
        var p = new LifParameters(10, 250, -70, -55, -70, 2, 5, 5, 1000);
        var lif = new Float64LifPopulation("n", 2, p);
        var network = new SimulationNetwork(0.1, [lif], []);
        var spikes = new List<long>();
        using var engine = new ClockEngine(network);
        engine.AddObserver(new StepList(spikes, neuron: 1));

        engine.Run(170);

        Assert.Equal([47L, 114L], spikes);
        // Released at step 134, then 36 steps of integration: the closed form at 3.6 ms, to double rounding.
        Assert.Equal(-70.0 + 40 * (1 - Math.Exp(-0.36)), lif.V[1], 12);
    }

    [Fact]
    public void Run_CubaFloat64_SameSpikesForAnyThreadCount()
    {
        // 4000 neurons = 4 blocks, so 2 and 4 threads really split the step; spikes must be bit-identical.
        var one = ClockEngineTests.Record(Cuba(Precision.Float64), threads: 1, steps: 1000);
        var two = ClockEngineTests.Record(Cuba(Precision.Float64), threads: 2, steps: 1000);
        var four = ClockEngineTests.Record(Cuba(Precision.Float64), threads: 4, steps: 1000);

        Assert.True(one.Count > 1500, $"only {one.Count} spikes: the check would be weak");
        Assert.Equal(one, two);
        Assert.Equal(one, four);
    }

    [Fact]
    public void Build_CubaFloat64_LifPopulationsAreFloat64WithTheFloat32InitialValues()
    {
        // One set of numbers: the float64 build starts from exactly the float32 build's initial potentials.
        var narrow = Cuba(Precision.Float32);
        var wide = Cuba(Precision.Float64);

        for (int p = 0; p < 2; p++)
        {
            var v32 = ((LifPopulation)narrow.Populations[p]).V.ToArray();
            var v64 = ((Float64LifPopulation)wide.Populations[p]).V.ToArray();
            Assert.Equal(v32.Select(v => (double)v), v64);
            Assert.True(v64.Distinct().Count() > v64.Length / 2, "initial values were not drawn");
        }
    }

    [Fact]
    public void Run_WarmupCopyFloat64_LeavesTheRealRunUnchanged()
    {
        var warmed = Cuba(Precision.Float64);
        NeuroSim.Cli.Commands.ClockWarmup.Run(warmed, () => Cuba(Precision.Float64), (_, _) => null, _ => [], 1);
        var withWarmup = ClockEngineTests.Record(warmed, threads: 1, steps: 400);
        var without = ClockEngineTests.Record(Cuba(Precision.Float64), threads: 1, steps: 400);

        Assert.True(without.Count > 500, $"only {without.Count} spikes: the check would be weak");
        Assert.Equal(without, withWarmup);
    }

    [Fact]
    public void StateRecorder_Float64Population_SamplesDoubles()
    {
        var p = new LifParameters(10, 250, -70, -55, -70, 2, 5, 5, 1000);
        var lif = new Float64LifPopulation("n", 1, p);
        var network = new SimulationNetwork(0.1, [lif], []);
        using var recorder = new StateRecorder(lif, ["v"], null, 10, 0.1);
        using (var engine = new ClockEngine(network))
        {
            engine.AddObserver(recorder);
            engine.Run(20);
        }

        recorder.Complete();
        Assert.True(recorder.IsFloat64);
        Assert.Equal(2, recorder.Values64(0).Count);
        Assert.Equal(-70.0 + 40 * (1 - Math.Exp(-0.1)), recorder.Values64(0)[0], 12);
        Assert.Throws<InvalidOperationException>(() => recorder.Values(0));
    }

    [Fact]
    public void Variable_Float64Population_Float32AccessorsRefuseNamingVariable64()
    {
        var lif = new Float64LifPopulation("n", 1, new LifParameters(10, 250, -70, -55, -70, 2, 5, 5));

        var ex = Assert.Throws<NotSupportedException>(() => lif.Variable("v"));
        Assert.Contains("Variable64", ex.Message);
        Assert.Same(lif.Variable64("v"), lif.Variable64("v"));
    }

    [Fact]
    public void Ring_RowsAndSingleJumps_SummedInDoubleAndConsumedByTheKernel()
    {
        var ring = new DeliveryRing<double>(4, 2);
        ring.AddRow(Receptor.Excitatory, 1, new ReadOnlySpan<int>([0, 2, 2]), new ReadOnlySpan<float>([1f, 2f, 0.1f]));
        ring.AddRow(Receptor.Inhibitory, 1, new ReadOnlySpan<ushort>([3]), -0.1f);
        ring.Add(Receptor.Excitatory, 1, 2, 1e-8f);

        // Widened float32 values summed in double: 2 + 0.1f + 1e-8f keeps every bit of each (float32 would not).
        Assert.Equal(2.0 + (double)0.1f + (double)1e-8f, ring.Pending(Receptor.Excitatory, 1, 2));
        Assert.Equal((double)-0.1f, ring.Pending(Receptor.Inhibitory, 1, 3));
        Assert.Equal(0.0, ring.Pending(Receptor.Excitatory, 0, 2));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ring.Add(Receptor.Excitatory, 3, 0, 1f));
        Assert.Equal("slot", error.ParamName);

        var lif = new Float64LifPopulation("n", 4, new LifParameters(10, 250, -70, -55, -70, 2, 5, 5));
        lif.Prepare(0.1);
        lif.Advance(1, 0, 4, ring.Due(1, 0, 4), new SpikeBuffer(4));
        Assert.Equal(0.0, ring.Pending(Receptor.Excitatory, 1, 2)); // consumed
        Assert.Equal((2.0 + (double)0.1f + (double)1e-8f) * Math.Exp(-0.1 / 5), lif.Ge[2], 15);
    }

    [Fact]
    public void Ring_FewTouched_ConsumedSparseWithTheSameSums()
    {
        // 40 neurons: room for 10 listed per receptor and slot. Slot 0 stays sparse, slot 1 goes dense.
        var ring = new DeliveryRing<double>(40, 1);
        ring.AddRow(Receptor.Excitatory, 0, new ReadOnlySpan<int>([5, 7, 5]), new ReadOnlySpan<float>([1f, 2f, 0.1f]));
        ring.AddRow(Receptor.Inhibitory, 0, new ReadOnlySpan<int>([7]), -3f);
        ring.AddRow(Receptor.Excitatory, 1, new ReadOnlySpan<int>(Enumerable.Range(0, 11).ToArray()), 1f);
        Assert.False(ring.IsDense(0));
        Assert.True(ring.IsDense(1));

        var ge = new double[40];
        var gi = new double[40];
        ge[5] = 0.5;
        ring.ConsumeSparse(0, ge, gi);

        Assert.Equal(0.5 + (1.0 + (double)0.1f), ge[5]);
        Assert.Equal(2.0, ge[7]);
        Assert.Equal(-3.0, gi[7]);
        Assert.Equal(3, ge.Count(g => g != 0) + gi.Count(g => g != 0));
        Assert.Equal(0.0, ring.Pending(Receptor.Excitatory, 0, 5));
        Assert.Throws<InvalidOperationException>(() => ring.ConsumeSparse(1, ge, gi));
        ring.Reset(1);
        Assert.False(ring.IsDense(1));
    }

    private sealed class StepList(List<long> steps, int neuron) : ISpikeObserver
    {
        public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
        {
            if (neurons.Contains(neuron))
                steps.Add(step);
        }

        public void OnStepEnd(long step)
        {
        }
    }
}
