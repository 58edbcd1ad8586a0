namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Parameters of the all-to-all triplet STDP rule (Pfister &amp; Gerstner 2006, J Neurosci 26:9673). Amplitudes
/// are in weight units (additive, hard bounds). With A3⁺ = A3⁻ = 0 the rule is pair STDP with A⁺ = A2⁺,
/// A⁻ = A2⁻.
/// </summary>
/// <param name="A2Plus">Pair potentiation amplitude A2⁺.</param>
/// <param name="A3Plus">Triplet potentiation amplitude A3⁺ (post-pre-post).</param>
/// <param name="A2Minus">Pair depression amplitude A2⁻.</param>
/// <param name="A3Minus">Triplet depression amplitude A3⁻ (pre-post-pre).</param>
/// <param name="TauPlus">Fast presynaptic trace r1, τ⁺ (ms).</param>
/// <param name="TauMinus">Fast postsynaptic trace o1, τ⁻ (ms).</param>
/// <param name="TauX">Slow presynaptic trace r2, τ_x (ms).</param>
/// <param name="TauY">Slow postsynaptic trace o2, τ_y (ms).</param>
/// <param name="WMin">Lower weight bound.</param>
/// <param name="WMax">Upper weight bound.</param>
public sealed record TripletStdpParameters(
    double A2Plus,
    double A3Plus,
    double A2Minus,
    double A3Minus,
    double TauPlus,
    double TauMinus,
    double TauX,
    double TauY,
    double WMin,
    double WMax);
