namespace NeuroSim.Learning.Optimizers;

/// <summary>The update rule applied to a gradient g (the training section's optimizer.kind).</summary>
public enum OptimizerKind
{
    /// <summary>"sgd": w ← w − η·g.</summary>
    Sgd,

    /// <summary>"momentum" (heavy ball, PyTorch's form): v ← μ·v + g; w ← w − η·v.</summary>
    Momentum,

    /// <summary>"nesterov" (Sutskever et al. 2013, PyTorch's form): v ← μv + g; w ← w − η(g + μv).</summary>
    Nesterov,

    /// <summary>"rmsprop" (Tieleman and Hinton 2012): s ← ρs + (1 − ρ)g²; w ← w − ηg/(√s + ε).</summary>
    RmsProp,

    /// <summary>
    /// "adam" (Kingma and Ba 2015): m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
    /// w ← w − η·(m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
    /// </summary>
    Adam,
}
