using System.Text.Json;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Bptt;

namespace NeuroSim.Cli.Snn;

/// <summary>
/// SNN training checkpoints through the store helper's <see cref="Checkpoint"/>, laid out like ann's
/// <see cref="AnnCheckpoint"/>: trainer "snn"; optimiser arrays "optimizer.0", "optimizer.1", ... (the order of
/// <c>Optimizer.StateArrays</c>); metadata "optimizer.steps" (Adam's t) and "seed"; random stream "shuffle"; blob
/// "metrics". Trained thresholds travel in the synapse store (per-neuron parameter "threshold", format 1.1);
/// checkpoints of format 1.0 held them as "threshold.L" (layer L) in the optimiser state, which is still read.
/// The input encoding needs no saved state: its keys follow from (epoch, sample). Epoch is the next epoch to
/// run (0-based), so resuming ends with bitwise the same weights as an uninterrupted run.
/// </summary>
public static class SnnCheckpoint
{
    /// <summary>Writes the checkpoint after <paramref name="nextEpoch"/> epochs.</summary>
    public static void Save(string path, NetworkSpec spec, SynapseStore store, SpikingTrainer trainer,
        int nextEpoch, IReadOnlyList<EpochMetrics> rows, ulong seed)
    {
        var checkpoint = new Checkpoint(spec, store) { Trainer = "snn", Epoch = nextEpoch, Batch = 0 };
        var state = trainer.Optimizer.StateArrays;
        for (int i = 0; i < state.Count; i++)
        {
            checkpoint.OptimizerState[$"optimizer.{i}"] = state[i];
        }

        checkpoint.Metadata["optimizer.steps"] = trainer.Optimizer.StepCount;
        checkpoint.Metadata["seed"] = (long)seed;
        checkpoint.RngState["shuffle"] = trainer.ShuffleRandom.GetState();
        checkpoint.Blobs["metrics"] = JsonSerializer.SerializeToUtf8Bytes(rows);
        checkpoint.Save(path);
    }

    /// <summary>Loads a checkpoint written by <see cref="Save"/> (weights, definition and trainer state).</summary>
    public static Checkpoint Load(string path)
    {
        Checkpoint checkpoint = Checkpoint.Load(path, CliLoadOptions.Default);
        if (checkpoint.Trainer != "snn")
        {
            throw new InvalidDataException($"{path}: checkpoint of trainer '{checkpoint.Trainer}', not 'snn'");
        }

        return checkpoint;
    }

    /// <summary>Puts the trainer state back; returns the next epoch and the metrics rows so far.</summary>
    public static (int NextEpoch, List<EpochMetrics> Rows) Restore(Checkpoint checkpoint, SpikingTrainer trainer,
        ulong seed, string path)
    {
        long saved = checkpoint.Metadata.TryGetValue("seed", out object? s) ? Convert.ToInt64(s) : -1;
        if (saved != (long)seed)
        {
            throw new InvalidDataException($"{path}: checkpoint was written with seed {saved}, this run uses " +
                $"{seed} (pass the same --seed)");
        }

        int slots = trainer.Optimizer.StateArrays.Count;
        var arrays = new List<float[]>(slots);
        for (int i = 0; i < slots; i++)
        {
            arrays.Add(Require(checkpoint, $"optimizer.{i}", path,
                "does the training section still name the same optimizer?"));
        }

        for (int l = 0; l < trainer.Network.Layers.Count; l++)
        {
            var layer = trainer.Network.Layers[l];
            if (layer.ThresholdGradient is not null && checkpoint.Version == new FormatVersion(1, 0))
            {
                // Format 1.0: the thresholds were not in the store, so the layer starts from the file's value.
                float[] threshold = Require(checkpoint, $"threshold.{l}", path, "was train_threshold off then?");
                if (threshold.Length != layer.Threshold.Length)
                {
                    throw new InvalidDataException($"{path}: 'threshold.{l}' has {threshold.Length} values, layer " +
                        $"{l} has {layer.Threshold.Length} neurons");
                }

                threshold.CopyTo(layer.Threshold, 0);
            }
        }

        trainer.Optimizer.RestoreState(Convert.ToInt64(checkpoint.Metadata["optimizer.steps"]), arrays);
        trainer.ShuffleRandom.SetState(checkpoint.RngState["shuffle"]);
        trainer.Network.PrepareBatch();
        var rows = checkpoint.Blobs.TryGetValue("metrics", out byte[]? blob)
            ? JsonSerializer.Deserialize<List<EpochMetrics>>(blob) ?? []
            : [];
        return (checkpoint.Epoch, rows);
    }

    private static float[] Require(Checkpoint checkpoint, string name, string path, string hint) =>
        checkpoint.OptimizerState.TryGetValue(name, out float[]? array)
            ? array
            : throw new InvalidDataException($"{path}: trainer state '{name}' is missing ({hint})");
}
