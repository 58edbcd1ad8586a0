namespace NeuroSim.Learning.Optimizers;

/// <summary>
/// Settings of an <see cref="Optimizer"/>: rule, base learning rate η, momentum μ, Adam's β₁ and β₂,
/// RMSprop's ρ, ε, and the step-decay schedule η_e = η·γ^⌊e / StepEpochs⌋ for epoch e (counted from 0;
/// StepEpochs 0 = no decay).
/// </summary>
public sealed record OptimizerSettings
{
    public OptimizerKind Kind { get; init; } = OptimizerKind.Sgd;

    public float LearningRate { get; init; } = 0.01f;

    public float Momentum { get; init; } = 0.9f;

    public float Beta1 { get; init; } = 0.9f;

    public float Beta2 { get; init; } = 0.999f;

    public float Rho { get; init; } = 0.9f;

    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>Epochs between learning-rate decays; 0 keeps η constant.</summary>
    public int StepEpochs { get; init; }

    /// <summary>Factor γ applied every <see cref="StepEpochs"/> epochs.</summary>
    public float Gamma { get; init; } = 0.1f;

    /// <summary>The learning rate of epoch <paramref name="epoch"/> (0-based) under the step schedule.</summary>
    public float LearningRateAt(int epoch) =>
        StepEpochs <= 0 ? LearningRate : LearningRate * MathF.Pow(Gamma, epoch / StepEpochs);
}
