namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// One exponentially decaying trace per neuron, τ dx/dt = −x, kept lazily as (value, time of last update) so it
/// is exact at any time, on a grid or not.
/// </summary>
internal sealed class LazyTraces
{
    private readonly double[] _value;
    private readonly double[] _time;
    private readonly double _rate;

    public LazyTraces(int count, double tau)
    {
        _value = new double[count];
        _time = new double[count];
        _rate = 1.0 / tau;
    }

    /// <summary>The trace of neuron <paramref name="i"/> at time <paramref name="t"/> (not stored).</summary>
    public double At(int i, double t)
    {
        double v = _value[i];
        return v == 0 ? 0 : v * Math.Exp(-(t - _time[i]) * _rate);
    }

    /// <summary>
    /// Records a spike of neuron i at t: the trace jumps by 1, or is set to 1 when <paramref name="reset"/>.
    /// </summary>
    public void Spike(int i, double t, bool reset)
    {
        _value[i] = reset ? 1.0 : At(i, t) + 1.0;
        _time[i] = t;
    }
}
