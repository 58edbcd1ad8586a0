using System.Text.Json;
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
        var checkpoint = new Checkpoint(spec, store) { Trainer = "ann", Epoch = nextEpoch, Batch = 0 };
        var state = trainer.Optimizer.StateArrays;
        for (int i = 0; i < state.Count; i++)
        {
            checkpoint.OptimizerState[$"optimizer.{i}"] = state[i];
        }

        checkpoint.Metadata["optimizer.steps"] = trainer.Optimizer.StepCount;
        checkpoint.Metadata["seed"] = (long)trainer.Options.Seed;
        checkpoint.RngState["shuffle"] = trainer.ShuffleRandom.GetState();
        checkpoint.RngState["dropout"] = trainer.DropoutRandom.GetState();
        checkpoint.Blobs["metrics"] = JsonSerializer.SerializeToUtf8Bytes(rows);
        checkpoint.Save(path);
    }

    /// <summary>Loads a checkpoint written by <see cref="Save"/> (weights, definition and trainer state).</summary>
    public static Checkpoint Load(string path)
    {
        Checkpoint checkpoint = Checkpoint.Load(path, CliLoadOptions.Default);
        if (checkpoint.Trainer != "ann")
        {
            throw new InvalidDataException($"{path}: checkpoint of trainer '{checkpoint.Trainer}', not 'ann'");
        }

        return checkpoint;
    }

    /// <summary>Puts the trainer state back; returns the next epoch and the metrics rows so far.</summary>
    public static (int NextEpoch, List<EpochMetrics> Rows) Restore(Checkpoint checkpoint, AnnTrainer trainer,
        string path)
    {
        long seed = checkpoint.Metadata.TryGetValue("seed", out object? s) ? Convert.ToInt64(s) : -1;
        if (seed != (long)trainer.Options.Seed)
        {
            throw new InvalidDataException($"{path}: checkpoint was written with seed {seed}, this run uses " +
                $"{trainer.Options.Seed} (pass the same --seed)");
        }

        int slots = trainer.Optimizer.StateArrays.Count;
        var arrays = new List<float[]>(slots);
        for (int i = 0; i < slots; i++)
        {
            if (!checkpoint.OptimizerState.TryGetValue($"optimizer.{i}", out float[]? array))
            {
                throw new InvalidDataException($"{path}: optimizer state 'optimizer.{i}' is missing (does the " +
                    "training section still name the same optimizer?)");
            }

            arrays.Add(array);
        }

        trainer.Optimizer.RestoreState(Convert.ToInt64(checkpoint.Metadata["optimizer.steps"]), arrays);
        trainer.ShuffleRandom.SetState(checkpoint.RngState["shuffle"]);
        trainer.DropoutRandom.SetState(checkpoint.RngState["dropout"]);
        var rows = checkpoint.Blobs.TryGetValue("metrics", out byte[]? blob)
            ? JsonSerializer.Deserialize<List<EpochMetrics>>(blob) ?? []
            : [];
        return (checkpoint.Epoch, rows);
    }
}
