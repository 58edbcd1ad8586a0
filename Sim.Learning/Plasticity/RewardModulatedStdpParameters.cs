namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Parameters of reward-modulated STDP (Izhikevich 2007, Cereb Cortex 17:2443; Frémaux &amp; Gerstner 2016).
/// </summary>
/// <param name="APlus">Pair potentiation amplitude added to the eligibility (weight units).</param>
/// <param name="AMinus">Pair depression amplitude subtracted from the eligibility (weight units).</param>
/// <param name="TauPlus">Presynaptic trace time constant τ⁺ (ms).</param>
/// <param name="TauMinus">Postsynaptic trace time constant τ⁻ (ms).</param>
/// <param name="TauEligibility">Eligibility decay τ_c (ms).</param>
/// <param name="LearningRate">η (1/ms per unit reward): dw/dt = η·r(t)·c(t).</param>
/// <param name="Step">Interval (ms) at which reward is applied; normally the simulation dt.</param>
/// <param name="WMin">Lower weight bound.</param>
/// <param name="WMax">Upper weight bound.</param>
/// <param name="Reward">The reward signal r(t), t in ms: from the file's schedule or a callback.</param>
public sealed record RewardModulatedStdpParameters(
    double APlus,
    double AMinus,
    double TauPlus,
    double TauMinus,
    double TauEligibility,
    double LearningRate,
    double Step,
    double WMin,
    double WMax,
    Func<double, double> Reward);
