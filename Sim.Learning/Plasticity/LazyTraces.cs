namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// One exponentially decaying trace per neuron, τ dx/dt = −x, jumping at the neuron's spikes, exact at any time
/// (on a grid or not) and with no per-step work. Every trace is stored scaled to a common reference time T₀:
/// <code>
///   x_i(t) = s_i · e^(−(t − T₀)/τ)        spike of i at t:  s_i ← s_i + e^((t − T₀)/τ)   (reset: s_i ← e^(...))
/// </code>
/// so all traces share one decay factor at time t. A rule computes it once per spike (<see cref="DecayTo"/>,
/// cached for repeated calls at the same time) and a synapse visit costs one load and one multiply, no exp.
/// To keep e^((t − T₀)/τ) finite, T₀ moves to t (every s_i multiplied by the elapsed decay, O(n)) once
/// (t − T₀)/τ exceeds <see cref="RebaseAt"/>: once per 200·τ of simulated time. Rounding: a trace read this way
/// differs from v·e^(−Δt/τ) by a few ulp (relative ~1e-14), far below float32 weight resolution.
/// </summary>
internal sealed class LazyTraces
{
    /// <summary>(t − T₀)/τ beyond which the reference time moves: e^200 ≈ 7e86, far from overflow.</summary>
    public const double RebaseAt = 200;

    // True traces below this at a rebase are flushed to 0 (no denormals); A·1e-200 never changes a weight.
    private const double Negligible = 1e-200;

    private readonly double[] _scaled;
    private readonly double _rate;
    private double _origin;
    private double _time = double.NaN;
    private double _decay = 1, _growth = 1;

    public LazyTraces(int count, double tau)
    {
        _scaled = new double[count];
        _rate = 1.0 / tau;
    }

    /// <summary>The scaled traces s_i: x_i(t) = Scaled[i] · DecayTo(t). Read-only for callers.</summary>
    public double[] Scaled => _scaled;

    /// <summary>The common factor e^(−(t − T₀)/τ) that turns <see cref="Scaled"/> into traces at time t.</summary>
    public double DecayTo(double t)
    {
        if (t != _time)
            MoveTo(t);
        return _decay;
    }

    /// <summary>The trace of neuron <paramref name="i"/> at time <paramref name="t"/> (not stored).</summary>
    public double At(int i, double t) => _scaled[i] * DecayTo(t);

    /// <summary>
    /// Records a spike of neuron i at t: the trace jumps by 1, or is set to 1 when <paramref name="reset"/>.
    /// </summary>
    public void Spike(int i, double t, bool reset)
    {
        if (t != _time)
            MoveTo(t);
        _scaled[i] = reset ? _growth : _scaled[i] + _growth;
    }

    private void MoveTo(double t)
    {
        double a = (t - _origin) * _rate;
        if (a > RebaseAt)
        {
            Rebase(Math.Exp(-a));
            _origin = t;
            a = 0;
        }

        _decay = Math.Exp(-a);
        _growth = Math.Exp(a);
        _time = t;
    }

    private void Rebase(double decay)
    {
        var s = _scaled;
        for (int i = 0; i < s.Length; i++)
        {
            double v = s[i] * decay;
            s[i] = v < Negligible ? 0 : v;
        }
    }
}
