using NeuroSim.Core.Plasticity;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Pair-based STDP with traces (Morrison, Diesmann &amp; Gerstner 2008). Each presynaptic neuron keeps a trace
/// x (τ⁺), each postsynaptic neuron a trace y (τ⁻); both jump at a spike (by 1, or to 1 with nearest pairing).
/// <code>
///   pre spike at t:   w ← w − A⁻·y_post(t)   (depression: the post spikes before it)
///   post spike at t:  w ← w + A⁺·x_pre(t)    (potentiation: the pre spikes before it)
/// </code>
/// With additive dependence a single pair gives exactly Δw = A⁺·e^(−Δt/τ⁺) or −A⁻·e^(Δt/τ⁻). Weight changes are
/// applied at once (no accumulation), clipped to [w_min, w_max]. Traces share one decay factor per spike
/// (<see cref="LazyTraces"/>), so a synapse visit is a load and a multiply, no exponential.
/// </summary>
public sealed class PairStdp : IPlasticityRule
{
    private readonly PairStdpParameters _p;
    private PlasticProjection? _proj;
    private LazyTraces? _pre;
    private LazyTraces? _post;

    /// <summary>Creates the rule; <see cref="Bind"/> attaches it to a projection.</summary>
    public PairStdp(PairStdpParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.TauPlus > 0) || !(parameters.TauMinus > 0))
            throw new ArgumentOutOfRangeException(nameof(parameters), "STDP time constants must be > 0 ms");
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
        _pre = new LazyTraces(projection.PreCount, _p.TauPlus);
        _post = new LazyTraces(projection.PostCount, _p.TauMinus);
    }

    /// <inheritdoc/>
    public void OnPreSpike(int pre, double t)
    {
        var proj = _proj!;
        TraceWalk.Outgoing(proj, _post!.Scaled, pre, _p.AMinus * _post.DecayTo(t), potentiate: false, _p.Dependence,
            _p.WMin, _p.WMax);
        _pre!.Spike(pre, t, _p.Pairing == StdpPairing.Nearest);
    }

    /// <inheritdoc/>
    public void OnPostSpike(int post, double t)
    {
        var proj = _proj!;
        TraceWalk.Update(proj.Weights, proj.InSynapse, proj.InPre, _pre!.Scaled, proj.InStart[post],
            proj.InStart[post + 1], _p.APlus * _pre.DecayTo(t), potentiate: true, _p.Dependence, _p.WMin, _p.WMax);
        _post!.Spike(post, t, _p.Pairing == StdpPairing.Nearest);
    }

    /// <inheritdoc/>
    public void OnStep(double t, double dt)
    {
    }
}
