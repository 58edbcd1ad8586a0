using NeuroSim.Core.Plasticity;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Reward-modulated STDP with an eligibility trace per synapse (Izhikevich 2007). Spike pairs do not change
/// the weight; they change the eligibility c by the pair-STDP amount (all-to-all traces, as
/// <see cref="PairStdp"/>). c decays with τ_c and the reward r(t) turns it into weight change:
/// <code>
///   τ_c dc/dt = −c + Σ_pairs STDP(Δt)·δ(t − t_pair)
///   dw/dt     = η·r(t)·c(t)
/// </code>
/// Integration: every <see cref="StepInterval"/> ms, c is multiplied by e^(−Δ/τ_c) and w += η·r(t)·c·Δ (left
/// Riemann sum over the step, r sampled at the step's end), then clipped to [w_min, w_max]. With r ≡ 0 no
/// weight is ever written.
/// </summary>
public sealed class RewardModulatedStdp : IPlasticityRule
{
    private readonly RewardModulatedStdpParameters _p;
    private readonly double _decay;
    private PlasticProjection? _proj;
    private LazyTraces? _pre;
    private LazyTraces? _post;
    private double[] _eligibility = [];

    /// <summary>Creates the rule; <see cref="Bind"/> attaches it to a projection.</summary>
    public RewardModulatedStdp(RewardModulatedStdpParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(parameters.Reward);
        if (!(parameters.TauPlus > 0 && parameters.TauMinus > 0 && parameters.TauEligibility > 0 &&
              parameters.Step > 0))
            throw new ArgumentOutOfRangeException(nameof(parameters), "R-STDP time constants and step must be > 0 ms");
        if (!(parameters.WMin <= parameters.WMax))
            throw new ArgumentOutOfRangeException(nameof(parameters), "w_min must be <= w_max");
        _p = parameters;
        _decay = Math.Exp(-parameters.Step / parameters.TauEligibility);
    }

    /// <inheritdoc/>
    public double StepInterval => _p.Step;

    /// <summary>Eligibility of each synapse (same indexing as the weights); read-only for callers.</summary>
    public ReadOnlySpan<double> Eligibility => _eligibility;

    /// <inheritdoc/>
    public void Bind(PlasticProjection projection)
    {
        _proj = projection;
        _pre = new LazyTraces(projection.PreCount, _p.TauPlus);
        _post = new LazyTraces(projection.PostCount, _p.TauMinus);
        _eligibility = new double[projection.Weights.Length];
    }

    /// <inheritdoc/>
    public void OnPreSpike(int pre, double t)
    {
        var proj = _proj!;
        int[] target = proj.OutPost, synapse = proj.OutSynapse;
        double[] y = _post!.Scaled;
        double amplitude = _p.AMinus * _post.DecayTo(t);
        for (int k = proj.OutStart[pre]; k < proj.OutStart[pre + 1]; k++)
            _eligibility[synapse[k]] -= amplitude * y[target[k]];

        _pre!.Spike(pre, t, reset: false);
    }

    /// <inheritdoc/>
    public void OnPostSpike(int post, double t)
    {
        var proj = _proj!;
        int[] source = proj.InPre, synapse = proj.InSynapse;
        double[] x = _pre!.Scaled;
        double amplitude = _p.APlus * _pre.DecayTo(t);
        for (int k = proj.InStart[post]; k < proj.InStart[post + 1]; k++)
            _eligibility[synapse[k]] += amplitude * x[source[k]];

        _post!.Spike(post, t, reset: false);
    }

    /// <inheritdoc/>
    public void OnStep(double t, double dt)
    {
        var c = _eligibility;
        for (int s = 0; s < c.Length; s++)
            c[s] *= _decay;

        double r = _p.Reward(t);
        if (r == 0)
            return;

        var w = _proj!.Weights;
        double scale = _p.LearningRate * r * dt;
        for (int s = 0; s < c.Length; s++)
            w[s] = WeightUpdate.Clip(w[s] + scale * c[s], _p.WMin, _p.WMax);
    }
}
