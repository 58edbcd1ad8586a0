using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;
using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Neurons.EventDriven;
using NeuroSim.Neurons.Lif;
using NeuroSim.Tests.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Plasticity;

/// <summary>
/// A plasticity rule runs inside both engines through the same hooks: on the same network (grid-aligned
/// input, with or without delay) the two engines must produce the same spikes and bit-identical weights, since
/// the rule sees the same calls with the same times in the same order and a spike transmits the weight it finds on
/// arrival in both.
/// </summary>
public class PlasticityInEnginesTests
{
    private static SimulationNetwork Network(int seed, out float[] weights, bool float64 = false, int delaySteps = 0)
    {
        var rng = new Random(seed);
        var times = Enumerable.Range(0, 60).Select(_ =>
            Enumerable.Range(0, 5000).Where(_ => rng.NextDouble() < 0.002).Select(n => n * 0.1).ToArray()).ToArray();
        var input = new SpikeTimeSourcePopulation("in", times);
        var parameters = new LifParameters(20, 250, -60, -54, -60, 2, 5, 10);
        ISpikingPopulation lif = float64
            ? new Float64LifPopulation("out", 3, parameters)
            : new LifPopulation("out", 3, parameters);
        int[] rowStart = Enumerable.Range(0, 61).Select(i => 3 * i).ToArray();
        int[] post = Enumerable.Range(0, 180).Select(k => k % 3).ToArray();
        weights = Enumerable.Range(0, 180).Select(_ => (float)(1 + 2 * rng.NextDouble())).ToArray();
        var c = Connection.Sparse("in_out", 0, 1, Receptor.Excitatory, rowStart, post, weights, null, delaySteps);
        return new SimulationNetwork(0.1, [input, lif], [c]);
    }

    private static PairStdp Rule() =>
        new(new PairStdpParameters(0.05, 0.0525, 20, 20, 0, 3, StdpPairing.AllToAll, WeightDependence.Additive));

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void PairStdp_BothEngines_SameSpikesAndIdenticalWeights(int seed, bool float64)
    {
        // float64: the clock engine's LIF population in double ("precision": "float64"), the rule unchanged.
        AssertSameSpikesAndWeights(seed, float64, Rule);
    }

    // Runs network `seed` for 500 ms in the clock engine (float32 or float64) and the event engine, each with a new
    // `rule` on the input projection: same output spikes, bit-identical weights, and the weights did change.
    private static void AssertSameSpikesAndWeights(int seed, bool float64, Func<IPlasticityRule> rule,
        int delaySteps = 0)
    {
        var clockNet = Network(seed, out var clockWeights, float64, delaySteps);
        Assert.Equal(float64, clockNet.Populations[1] is IFloat64Population);
        var initial = (float[])clockWeights.Clone();
        var clockSpikes = new ClockAgreementTests.ClockSpikes();
        using (var clock = new ClockEngine(clockNet))
        {
            clock.AddPlasticity(0, rule());
            clock.AddObserver(clockSpikes);
            clock.Run(5000);
        }

        var eventNet = Network(seed, out var eventWeights, delaySteps: delaySteps);
        var view = EventNetworkFactory.From(eventNet, c => c == 0 ? rule() : null);
        var sink = new EventDrivenEngineTests.SpikeList();
        new EventDrivenEngine(view, SpikeTiming.Grid).Run(500, sink);

        var a = clockSpikes.Spikes.Where(s => s.Pop == 1).Select(s => (s.Neuron, s.Step)).ToList();
        var b = sink.Spikes.Where(s => s.Pop == 1).Select(s => (s.Neuron, (long)Math.Round(s.Time / 0.1)))
            .OrderBy(s => s.Item2).ThenBy(s => s.Neuron).ToList();
        Assert.True(a.Count > 20, $"test set-up: only {a.Count} output spikes");
        Assert.Equal(a, b);
        Assert.Equal(clockWeights, eventWeights);
        Assert.NotEqual(initial, clockWeights);
    }

    [Fact]
    public void ZeroRewardRstdp_BothEngines_LeaveWeightsUnchanged()
    {
        var net = Network(4, out var weights);
        var initial = (float[])weights.Clone();
        var rule = new RewardModulatedStdp(new RewardModulatedStdpParameters(0.05, 0.05, 20, 20, 200, 1, 0.1, 0, 3,
            _ => 0));
        using (var clock = new ClockEngine(net))
        {
            clock.AddPlasticity(0, rule);
            clock.Run(3000);
        }

        Assert.Equal(initial, weights);
        Assert.Contains(rule.Eligibility.ToArray(), c => c != 0);

        var net2 = Network(4, out var weights2);
        var rule2 = new RewardModulatedStdp(new RewardModulatedStdpParameters(0.05, 0.05, 20, 20, 200, 1, 0.1, 0, 3,
            _ => 0));
        new EventDrivenEngine(EventNetworkFactory.From(net2, _ => rule2), SpikeTiming.Grid).Run(300, null);
        Assert.Equal(initial, weights2);
        Assert.Equal(rule.Eligibility.ToArray(), rule2.Eligibility.ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    [InlineData(3, 17)]
    [InlineData(4, 40)]
    public void PairStdpWithDelay_Float64ClockAndEventEngine_SameSpikesAndIdenticalWeights(int seed, int delaySteps)
    {
        // Breaker finding: with a delay the clock engine transmitted the weight a synapse had when the spike was
        // emitted, the event engine the weight on arrival; plastic connections are now transmitted on arrival in
        // the clock engine too, so a weight changed while a spike is in flight is read alike.
        AssertSameSpikesAndWeights(seed, float64: true, Rule, delaySteps);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RewardedRstdp_Float64ClockAndEventEngine_SameSpikesAndIdenticalWeights(int seed)
    {
        // Breaker finding: with a reward, the clock engine read the weights of a step's spikes before that step's
        // R-STDP update and the event engine after it; the step hooks now run before propagation.
        AssertSameSpikesAndWeights(seed, float64: true, () => new RewardModulatedStdp(new RewardModulatedStdpParameters(
            0.05, 0.06, 20, 20, 200, 0.5, 0.1, 0, 3, t => t < 250 ? 1 : -0.5)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void ClockEngine_RuleThatChangesNothing_SameSpikesAndSynapticEventsAsFixedConnection(int delaySteps)
    {
        // A plastic connection is transmitted on arrival, a fixed one on emission: with weights that never change
        // both give the same spikes, and synaptic events are counted alike (on emission, so spikes still in flight
        // at the end count in both; breaker finding).
        var (fixedSpikes, fixedEvents) = RunClock(delaySteps, [], out int inFlight);
        var (plasticSpikes, plasticEvents) = RunClock(delaySteps, [new PassiveRule()], out _);
        Assert.True(fixedSpikes.Count > 20, $"test set-up: only {fixedSpikes.Count} output spikes");
        Assert.True(delaySteps == 0 || inFlight > 0, "test set-up: no input spike still in flight at the end");
        Assert.Equal(fixedSpikes, plasticSpikes);
        Assert.Equal(fixedEvents, plasticEvents);
    }

    [Fact]
    public void ClockEngine_TwoRulesOnOneConnection_TransmitEachSpikeOnce()
    {
        // Breaker finding: each rule's binding transmitted the arriving spikes, so a second rule doubled them.
        var (oneSpikes, oneEvents) = RunClock(4, [new PassiveRule()], out _);
        var second = new PassiveRule();
        var (twoSpikes, twoEvents) = RunClock(4, [new PassiveRule(), second], out _);
        Assert.Equal(oneSpikes, twoSpikes);
        Assert.Equal(oneEvents, twoEvents);
        Assert.True(second.PreSpikes > 100, $"the second rule saw only {second.PreSpikes} spikes");
    }

    // Network 1 for 500 ms in the clock engine with `rules` on its input connection: output spikes and events, and
    // how many input spikes would arrive after the end.
    private static (List<(int, long)> Spikes, long Events) RunClock(int delaySteps, IPlasticityRule[] rules,
        out int inFlight)
    {
        var net = Network(1, out _, delaySteps: delaySteps);
        var spikes = new ClockAgreementTests.ClockSpikes();
        using var clock = new ClockEngine(net);
        foreach (var rule in rules)
            clock.AddPlasticity(0, rule);
        clock.AddObserver(spikes);
        clock.Run(5000);
        inFlight = spikes.Spikes.Count(s => s.Pop == 0 && s.Step + 1 + delaySteps >= 5000);
        return (spikes.Spikes.Where(s => s.Pop == 1).Select(s => (s.Neuron, s.Step)).ToList(), clock.SynapticEvents);
    }

    private sealed class PassiveRule : IPlasticityRule
    {
        public int PreSpikes { get; private set; }

        public double StepInterval => double.PositiveInfinity;

        public void Bind(PlasticProjection projection)
        {
        }

        public void OnPreSpike(int pre, double t) => PreSpikes++;

        public void OnPostSpike(int post, double t)
        {
        }

        public void OnStep(double t, double dt)
        {
        }
    }
}
