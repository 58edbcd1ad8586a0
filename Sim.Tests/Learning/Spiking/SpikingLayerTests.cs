using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Tests.Learning.Spiking;

public class SpikingLayerTests
{
    private static (float[] V, float[] Y) Run(SpikingNeuronModel model, ResetMode reset, float current, int steps)
    {
        // One neuron, one input always on with weight `current`: constant drive I.
        var options = new SpikingLayerOptions(1, 1, model, Beta: 0.5f, Threshold: 1f, reset, false, false,
            new FastSigmoidSurrogate());
        var layer = new SpikingLayer(options, [current]);
        layer.PrepareBatch();
        var v = new float[steps];
        var y = new float[steps];
        layer.Forward(Enumerable.Repeat(1f, steps).ToArray(), v, y, steps);
        return (v, y);
    }

    [Fact]
    public void Forward_LifBelowThreshold_FollowsGeometricSeries()
    {
        // v_t = I·(1 − β^(t+1))/(1 − β); with I = 0.4, β = 0.5 the limit 0.8 stays below θ = 1: no spike.
        var (v, y) = Run(SpikingNeuronModel.Lif, ResetMode.Subtract, 0.4f, 8);
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(0.4 * (1 - Math.Pow(0.5, t + 1)) / 0.5, v[t], 6);
        }

        Assert.All(y, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Forward_LifSubtractReset_KeepsExcess()
    {
        // I = 1.5: v0 = 1.5 spikes; v1 = 0.75 + 1.5 − 1 = 1.25 spikes; v2 = 0.625 + 1.5 − 1 = 1.125 spikes.
        var (v, y) = Run(SpikingNeuronModel.Lif, ResetMode.Subtract, 1.5f, 3);
        Assert.Equal(new[] { 1.5f, 1.25f, 1.125f }, v);
        Assert.Equal(new[] { 1f, 1f, 1f }, y);
    }

    [Fact]
    public void Forward_LifZeroReset_RestartsFromInput()
    {
        // I = 0.7: v0 = 0.7, v1 = 0.35 + 0.7 = 1.05 spikes, v2 = 0 + 0.7 = 0.7 (reset to zero), v3 = 1.05.
        var (v, y) = Run(SpikingNeuronModel.Lif, ResetMode.Zero, 0.7f, 4);
        Assert.Equal(new[] { 0.7f, 1.05f, 0.7f, 1.05f }, v);
        Assert.Equal(new[] { 0f, 1f, 0f, 1f }, y);
    }

    [Fact]
    public void Forward_SnuNegativeInput_StateClampedAtZero()
    {
        var (v, y) = Run(SpikingNeuronModel.Snu, ResetMode.Zero, -0.3f, 3);
        Assert.Equal(new[] { 0f, 0f, 0f }, v);
        Assert.Equal(new[] { 0f, 0f, 0f }, y);
    }

    [Fact]
    public void Constructor_WrongWeightLength_ThrowsNamingSizes()
    {
        var options = new SpikingLayerOptions(3, 2, SpikingNeuronModel.Lif, 0.9f, 1f, ResetMode.Zero, false, false,
            new TanhSurrogate());
        var ex = Assert.Throws<ArgumentException>(() => new SpikingLayer(options, new float[5]));
        Assert.Contains("6 values (got 5)", ex.Message);
    }

    [Fact]
    public void Validate_SnuWithSubtractReset_Throws()
    {
        var options = new SpikingLayerOptions(3, 2, SpikingNeuronModel.Snu, 0.9f, 1f, ResetMode.Subtract, false, false,
            new TanhSurrogate());
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("reset to zero", ex.Message);
    }
}
