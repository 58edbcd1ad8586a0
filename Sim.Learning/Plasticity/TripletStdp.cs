using NeuroSim.Core.Plasticity;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Triplet STDP, all-to-all interactions (Pfister &amp; Gerstner 2006). Presynaptic traces r1 (τ⁺), r2 (τ_x);
/// postsynaptic traces o1 (τ⁻), o2 (τ_y); each jumps by 1 at its neuron's spikes, after the update it drives:
/// <code>
///   pre spike at t:   w ← w − o1(t)·(A2⁻ + A3⁻·r2(t⁻))
///   post spike at t:  w ← w + r1(t)·(A2⁺ + A3⁺·o2(t⁻))
/// </code>
/// (t⁻: just before the spike's own jump). Additive, clipped to [w_min, w_max].
/// </summary>
public sealed class TripletStdp : IPlasticityRule
{
    private readonly TripletStdpParameters _p;
    private PlasticProjection? _proj;
    private LazyTraces? _r1, _r2, _o1, _o2;

    /// <summary>Creates the rule; <see cref="Bind"/> attaches it to a projection.</summary>
    public TripletStdp(TripletStdpParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.TauPlus > 0 && parameters.TauMinus > 0 && parameters.TauX > 0 && parameters.TauY > 0))
            throw new ArgumentOutOfRangeException(nameof(parameters), "triplet STDP time constants must be > 0 ms");
        if (!(parameters.WMin <= parameters.WMax))
            throw new ArgumentOutOfRangeException(nameof(parameters), "w_min must be <= w_max");
        _p = parameters;
    }

    /// <inheritdoc/>
    public double StepInterval => double.PositiveInfinity;

    /// <inheritdoc/>
    public void Bind(PlasticProjection projection)
    {
        _proj = projection;
        _r1 = new LazyTraces(projection.PreCount, _p.TauPlus);
        _r2 = new LazyTraces(projection.PreCount, _p.TauX);
        _o1 = new LazyTraces(projection.PostCount, _p.TauMinus);
        _o2 = new LazyTraces(projection.PostCount, _p.TauY);
    }

    /// <inheritdoc/>
    public void OnPreSpike(int pre, double t)
    {
        var proj = _proj!;
        double factor = _p.A2Minus + _p.A3Minus * _r2!.At(pre, t);
        TraceWalk.Outgoing(proj, _o1!.Scaled, pre, factor * _o1.DecayTo(t), potentiate: false,
            WeightDependence.Additive, _p.WMin, _p.WMax);
        _r1!.Spike(pre, t, reset: false);
        _r2.Spike(pre, t, reset: false);
    }

    /// <inheritdoc/>
    public void OnPostSpike(int post, double t)
    {
        var proj = _proj!;
        double factor = _p.A2Plus + _p.A3Plus * _o2!.At(post, t);
        TraceWalk.Additive(proj.Weights, proj.InSynapse, proj.InPre, _r1!.Scaled, proj.InStart[post],
            proj.InStart[post + 1], factor * _r1.DecayTo(t), _p.WMin, _p.WMax);
        _o1!.Spike(post, t, reset: false);
        _o2.Spike(post, t, reset: false);
    }

    /// <inheritdoc/>
    public void OnStep(double t, double dt)
    {
    }
}
