using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Initialization;
using NeuroSim.Learning.Losses;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Learning.Ann;

/// <summary>What an <see cref="AnnTrainer"/> needs to know, independent of how it was read from a file.</summary>
public sealed record AnnTrainingOptions
{
    public int BatchSize { get; init; } = 64;

    public ulong Seed { get; init; } = 1;

    public LossKind Loss { get; init; } = LossKind.SoftmaxCrossEntropy;

    public LearningSignal Signal { get; init; } = LearningSignal.Backprop;

    public GrapesSettings Grapes { get; init; } = GrapesSettings.Off;

    public OptimizerSettings Optimizer { get; init; } = new();

    /// <summary>Probability p of dropping a hidden node in training (inverted dropout: kept × 1/(1 − p)).</summary>
    public float Dropout { get; init; }

    /// <summary>Distribution of the fixed feedback matrices of FA and DFA.</summary>
    public WeightInit FeedbackInit { get; init; } = WeightInit.HeUniform;
}
