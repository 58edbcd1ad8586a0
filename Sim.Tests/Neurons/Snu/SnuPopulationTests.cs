using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Neurons.Snu;

namespace NeuroSim.Tests.Neurons.Snu;

public class SnuPopulationTests
{
    // Drives one unit with input[n] at step n and returns (s, spiked) per step.
    private static (double S, bool Spike)[] Drive(float[] input, float[]? thresholds = null)
    {
        var population = new SnuPopulation("u", 1, decay: 0.8, threshold: 1) { Thresholds = thresholds };
        population.Prepare(1.0);
        var buffer = new SpikeBuffer(1);
        var trace = new (double, bool)[input.Length];
        for (int n = 0; n < input.Length; n++)
        {
            population.SynapticVariable(Receptor.Excitatory)[0] += input[n];
            buffer.Clear();
            population.Advance(n, 0, 1, default, buffer);
            trace[n] = (population.Variable("v")[0], buffer.Count == 1);
        }

        return trace;
    }

    [Fact]
    public void Advance_ConstantInputBelowThreshold_FollowsGeometricSeries()
    {
        // Closed form without spikes: s_t = I (1 − λ^{t+1}) / (1 − λ), λ = 0.8; I = 0.15 gives the limit
        // 0.75 < 1.
        // Tolerance 1e-6: float32 rounding over 30 steps.
        var trace = Drive(Enumerable.Repeat(0.15f, 30).ToArray());
        for (int t = 0; t < trace.Length; t++)
        {
            Assert.Equal(0.15 * (1 - Math.Pow(0.8, t + 1)) / 0.2, trace[t].S, 1e-6);
            Assert.False(trace[t].Spike);
        }
    }

    [Fact]
    public void Advance_NegativeInput_StateClampedAtZeroByRelu()
    {
        // s_0 = max(0, 0.5) = 0.5; s_1 = max(0, −2 + 0.4) = 0; s_2 = max(0, 0.25 + 0.8·0) = 0.25 (exact in float32).
        var trace = Drive([0.5f, -2f, 0.25f]);
        Assert.Equal([0.5, 0.0, 0.25], trace.Select(x => x.S));
        Assert.True(trace.All(x => !x.Spike));
    }

    [Fact]
    public void Advance_Spike_ResetsStateToZeroAtNextStep()
    {
        // s_0 = 0.75, s_1 = 0.5 + 0.8·0.75 = 1.1 > 1 → spike; s_2 = 0.5 + 0.8·1.1·(1 − 1) = 0.5 exactly.
        var trace = Drive([0.75f, 0.5f, 0.5f]);
        Assert.False(trace[0].Spike);
        Assert.True(trace[1].Spike);
        Assert.Equal(0.5f + 0.8f * 0.75f, (float)trace[1].S);
        Assert.Equal(0.5, trace[2].S);
        Assert.False(trace[2].Spike);
    }

    [Fact]
    public void Advance_AtThreshold_NoSpike_PerNeuronThresholdUsed()
    {
        // H(s − θ) with H(0) = 0: s = θ exactly does not spike; a per-neuron θ replaces the population's.
        Assert.False(Drive([1f])[0].Spike);
        Assert.True(Drive([1f], thresholds: [0.999f])[0].Spike);
        Assert.False(Drive([0.5f], thresholds: [0.5f])[0].Spike);
    }

    [Fact]
    public void Thresholds_WrongLength_ThrowsNamingPopulation()
    {
        var population = new SnuPopulation("u", 3, 0.8, 1);
        var ex = Assert.Throws<ArgumentException>(() => population.Thresholds = new float[2]);
        Assert.Contains("u: 2 thresholds for 3 neurons", ex.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_DecayOutsideUnitInterval_Throws(double decay)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SnuPopulation("u", 1, decay, 1));
        Assert.Contains("decay must be in [0, 1]", ex.Message);
    }
}
