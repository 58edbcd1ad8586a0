namespace NeuroSim.Learning.Bptt;

/// <summary>
/// Loss on the readout layer over the T steps (K classes, target class c, batch B; the batch loss is the mean).
/// </summary>
public enum SpikingLoss
{
    /// <summary>Cross-entropy of softmax(spike counts): z_k = Σ_t y_t[k], L = −log softmax(z)_c.</summary>
    CountCrossEntropy,

    /// <summary>MSE of rates r_k = z_k / T against the target rates (on for c, off otherwise), mean over k.</summary>
    RateMse,

    /// <summary>MSE of the mean membrane m_k = Σ_t v_t[k] / T against on/off targets, mean over k.</summary>
    MembraneMse,

    /// <summary>Cross-entropy of softmax(mean membrane m).</summary>
    MembraneCrossEntropy,
}
