using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Bptt;

namespace NeuroSim.Learning.Spiking;

/// <summary>The validated "training" section of a network file in SNN mode (training.mode = "snn").</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="Options">Batch, seed, optimiser, GRAPES and BPTT settings.</param>
/// <param name="Data">Data set and limits (ann's reader).</param>
/// <param name="Encoder">Input encoding.</param>
/// <param name="Surrogate">Surrogate name (<see cref="Surrogates.SurrogateCatalog"/>).</param>
/// <param name="SurrogateScale">Its scale, or null for the default.</param>
/// <param name="Reset">Reset of "leaky" layers.</param>
/// <param name="TrainThreshold">Whether thresholds are trained.</param>
/// <param name="CheckpointEvery">Write a checkpoint every N epochs (0 = never; "checkpoint.every_epochs").</param>
public sealed record SnnTrainingSpec(int Epochs, SpikingTrainingOptions Options, AnnDataSpec Data,
    SnnEncoderSpec Encoder, string Surrogate, float? SurrogateScale, ResetMode Reset, bool TrainThreshold,
    int CheckpointEvery = 0);
