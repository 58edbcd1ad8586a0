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
        int nextEpoch, IReadOnlyList<EpochMetrics> rows, ulong seed) =>
        TrainerCheckpoint.Create(spec, store, "snn", nextEpoch, trainer.Optimizer, seed, trainer.ShuffleRandom, rows)
            .Save(path);

    /// <summary>Loads a checkpoint written by <see cref="Save"/> (weights, definition and trainer state).</summary>
    public static Checkpoint Load(string path) => TrainerCheckpoint.Load(path, "snn");

    /// <summary>Puts the trainer state back; returns the next epoch and the metrics rows so far.</summary>
    public static (int NextEpoch, List<EpochMetrics> Rows) Restore(Checkpoint checkpoint, SpikingTrainer trainer,
        ulong seed, string path)
    {
        TrainerCheckpoint.CheckSeed(checkpoint, seed, path);
        var arrays = TrainerCheckpoint.OptimizerArrays(checkpoint, trainer.Optimizer, path, "trainer state");
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

        TrainerCheckpoint.RestoreShared(checkpoint, trainer.Optimizer, arrays, trainer.ShuffleRandom);
        trainer.Network.PrepareBatch();
        return (checkpoint.Epoch, TrainerCheckpoint.Rows(checkpoint));
    }

    private static float[] Require(Checkpoint checkpoint, string name, string path, string hint) =>
        checkpoint.OptimizerState.TryGetValue(name, out float[]? array)
            ? array
            : throw new InvalidDataException($"{path}: trainer state '{name}' is missing ({hint})");
}
