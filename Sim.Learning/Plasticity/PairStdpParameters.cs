namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Parameters of pair-based STDP (Bi &amp; Poo 1998; Song, Miller &amp; Abbott 2000). For one pair with
/// Δt = t_post − t_pre and additive dependence: Δw = A⁺·e^(−Δt/τ⁺) for Δt ≥ 0, −A⁻·e^(Δt/τ⁻) for Δt &lt; 0.
/// </summary>
/// <param name="APlus">
/// Potentiation amplitude A⁺ (weight units when additive, dimensionless when multiplicative).
/// </param>
/// <param name="AMinus">Depression amplitude A⁻ (≥ 0; same units as A⁺).</param>
/// <param name="TauPlus">Potentiation window τ⁺ (ms).</param>
/// <param name="TauMinus">Depression window τ⁻ (ms).</param>
/// <param name="WMin">Lower weight bound (weight units).</param>
/// <param name="WMax">Upper weight bound (weight units).</param>
/// <param name="Pairing">All-to-all or nearest-neighbour pairing.</param>
/// <param name="Dependence">Additive or multiplicative weight dependence.</param>
public sealed record PairStdpParameters(
    double APlus,
    double AMinus,
    double TauPlus,
    double TauMinus,
    double WMin,
    double WMax,
    StdpPairing Pairing = StdpPairing.AllToAll,
    WeightDependence Dependence = WeightDependence.Additive);
