namespace NeuroSim.Learning.Plasticity;

/// <summary>How the size of a weight change depends on the weight itself.</summary>
public enum WeightDependence
{
    /// <summary>Δw⁺ = A⁺·x, Δw⁻ = −A⁻·y (A in weight units); hard bounds clip to [w_min, w_max].</summary>
    Additive,

    /// <summary>
    /// Soft bounds: Δw⁺ = A⁺·x·(w_max − w), Δw⁻ = −A⁻·y·(w − w_min) (A dimensionless); the weight approaches a
    /// bound exponentially and never crosses it (Rubin, Lee &amp; Sompolinsky 2001, PRL 86:364).
    /// </summary>
    Multiplicative,
}
