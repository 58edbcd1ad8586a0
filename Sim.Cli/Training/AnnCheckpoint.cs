using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Training;

/// <summary>
/// ANN training checkpoints through the store helper's <see cref="Checkpoint"/>. Names used: trainer "ann";
/// optimiser arrays "optimizer.0", "optimizer.1", ... (the order of <c>Optimizer.StateArrays</c>); metadata
/// "optimizer.steps" (Adam's t) and "seed"; random streams "shuffle" and "dropout"; blob "metrics" (the
/// metrics rows so far, JSON). Epoch is the next epoch to run (0-based), so resuming continues there and ends
/// with the same weights as an uninterrupted run.
/// </summary>
public static class AnnCheckpoint
{
    /// <summary>Writes the checkpoint after <paramref name="nextEpoch"/> epochs.</summary>
    public static void Save(string path, NetworkSpec spec, SynapseStore store, AnnTrainer trainer, int nextEpoch,
        IReadOnlyList<EpochMetrics> rows)
    {
        var checkpoint = TrainerCheckpoint.Create(spec, store, "ann", nextEpoch, trainer.Optimizer,
            trainer.Options.Seed, trainer.ShuffleRandom, rows);
        checkpoint.RngState["dropout"] = trainer.DropoutRandom.GetState();
        checkpoint.Save(path);
    }

    /// <summary>Loads a checkpoint written by <see cref="Save"/> (weights, definition and trainer state).</summary>
    public static Checkpoint Load(string path) => TrainerCheckpoint.Load(path, "ann");

    /// <summary>Puts the trainer state back; returns the next epoch and the metrics rows so far.</summary>
    public static (int NextEpoch, List<EpochMetrics> Rows) Restore(Checkpoint checkpoint, AnnTrainer trainer,
        string path)
    {
        TrainerCheckpoint.CheckSeed(checkpoint, trainer.Options.Seed, path);
        var arrays = TrainerCheckpoint.OptimizerArrays(checkpoint, trainer.Optimizer, path, "optimizer state");
        TrainerCheckpoint.RestoreShared(checkpoint, trainer.Optimizer, arrays, trainer.ShuffleRandom);
        trainer.DropoutRandom.SetState(checkpoint.RngState["dropout"]);
        return (checkpoint.Epoch, TrainerCheckpoint.Rows(checkpoint));
    }
}
