namespace NeuroSim.Learning.Ann;

/// <summary>The validated "training" section of a network file for ANN mode.</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="Options">Batch size, seed, loss, optimiser, signal, GRAPES, dropout.</param>
/// <param name="Data">Which data set to use.</param>
/// <param name="CheckpointEvery">Write a checkpoint every N epochs (0 = never).</param>
public sealed record AnnTrainingSpec(int Epochs, AnnTrainingOptions Options, AnnDataSpec Data, int CheckpointEvery);
