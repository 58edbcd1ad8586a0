using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Learning.Bptt;

/// <summary>What a <see cref="SpikingTrainer"/> needs, independent of how it was read from a network file.</summary>
public sealed record SpikingTrainingOptions
{
    /// <summary>Samples per mini-batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seed of the shuffling stream (the encoder has its own seed).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Optimiser (ann's <see cref="Optimizer"/>), applied to every trainable array.</summary>
    public OptimizerSettings Optimizer { get; init; } = new() { Kind = OptimizerKind.Adam, LearningRate = 5e-4f };

    /// <summary>GRAPES on hidden layers (propagating version only for spiking layers).</summary>
    public GrapesSettings Grapes { get; init; } = GrapesSettings.Off;

    /// <summary>Steps, loss, truncation and threading of BPTT.</summary>
    public BpttOptions Bptt { get; init; } = new(25);
}
