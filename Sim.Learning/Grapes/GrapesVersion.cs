namespace NeuroSim.Learning.Grapes;

/// <summary>Where the GRAPES factor multiplies (docs/grapes.md, "Where the factor multiplies").</summary>
public enum GrapesVersion
{
    /// <summary>
    /// "propagating" (the reference code's behaviour): δ[l] = F[l] ⊙ (W[l+1]ᵀδ[l+1]) ⊙ f'(a[l]) is used for the
    /// layer's gradient and sent further down, so factors compound with depth.
    /// </summary>
    Propagating,

    /// <summary>
    /// "local": only the layer's own gradient is scaled, G[l] ∝ (F[l] ⊙ g[l]) h[l−1]ᵀ; the unmodulated
    /// g[l] = (W[l+1]ᵀδ[l+1]) ⊙ f'(a[l]) is sent down.
    /// </summary>
    Local,
}
