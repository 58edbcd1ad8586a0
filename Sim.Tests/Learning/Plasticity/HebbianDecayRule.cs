using NeuroSim.Core.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// The example rule of docs/plasticity.md, written only against <see cref="IPlasticityRule"/> (kept here so the
/// example is compiled and tested): Hebbian potentiation by a presynaptic trace on each post spike, and a slow
/// multiplicative decay of every weight, dw/dt = −λ·w, applied every step.
/// </summary>
public sealed class HebbianDecayRule(double eta, double tauPre, double lambda, double step) : IPlasticityRule
{
    private PlasticProjection _proj = null!;
    private double[] _trace = [];
    private double[] _traceTime = [];

    public double StepInterval => step;

    public void Bind(PlasticProjection projection)
    {
        _proj = projection;
        _trace = new double[projection.PreCount];
        _traceTime = new double[projection.PreCount];
    }

    public void OnPreSpike(int pre, double t)
    {
        _trace[pre] = TraceAt(pre, t) + 1;
        _traceTime[pre] = t;
    }

    public void OnPostSpike(int post, double t)
    {
        for (int k = _proj.InStart[post]; k < _proj.InStart[post + 1]; k++)
            _proj.Weights[_proj.InSynapse[k]] += (float)(eta * TraceAt(_proj.InPre[k], t));
    }

    public void OnStep(double t, double dt)
    {
        double keep = Math.Exp(-lambda * dt);
        var w = _proj.Weights;
        for (int s = 0; s < w.Length; s++)
            w[s] = (float)(w[s] * keep);
    }

    private double TraceAt(int pre, double t) => _trace[pre] * Math.Exp(-(t - _traceTime[pre]) / tauPre);
}
