using System.Text.Json;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The checkpoint layout that <see cref="AnnCheckpoint"/> and <c>SnnCheckpoint</c> share: trainer name; optimiser
/// arrays "optimizer.0", "optimizer.1", ... (the order of <c>Optimizer.StateArrays</c>); metadata
/// "optimizer.steps" (Adam's t) and "seed"; random stream "shuffle"; blob "metrics" (the rows so far, JSON).
/// Each mode adds its own parts (ANN: the dropout stream; SNN: format-1.0 thresholds) around these.
/// </summary>
internal static class TrainerCheckpoint
{
    /// <summary>A checkpoint of the shared parts after <paramref name="nextEpoch"/> epochs, not yet saved.</summary>
    public static Checkpoint Create(NetworkSpec spec, SynapseStore store, string trainer, int nextEpoch,
        Optimizer optimizer, ulong seed, TrainingRandom shuffle, IReadOnlyList<EpochMetrics> rows)
    {
        var checkpoint = new Checkpoint(spec, store) { Trainer = trainer, Epoch = nextEpoch, Batch = 0 };
        var state = optimizer.StateArrays;
        for (int i = 0; i < state.Count; i++)
        {
            checkpoint.OptimizerState[$"optimizer.{i}"] = state[i];
        }

        checkpoint.Metadata["optimizer.steps"] = optimizer.StepCount;
        checkpoint.Metadata["seed"] = (long)seed;
        checkpoint.RngState["shuffle"] = shuffle.GetState();
        checkpoint.Blobs["metrics"] = JsonSerializer.SerializeToUtf8Bytes(rows);
        return checkpoint;
    }

    /// <summary>Loads the checkpoint at <paramref name="path"/>; refuses one written by another trainer.</summary>
    public static Checkpoint Load(string path, string trainer)
    {
        Checkpoint checkpoint = Checkpoint.Load(path, CliLoadOptions.Default);
        if (checkpoint.Trainer != trainer)
        {
            throw new InvalidDataException($"{path}: checkpoint of trainer '{checkpoint.Trainer}', not '{trainer}'");
        }

        return checkpoint;
    }

    /// <summary>Throws unless the checkpoint was written with <paramref name="seed"/> (a resume must not change
    /// the random streams).</summary>
    public static void CheckSeed(Checkpoint checkpoint, ulong seed, string path)
    {
        long saved = checkpoint.Metadata.TryGetValue("seed", out object? s) ? Convert.ToInt64(s) : -1;
        if (saved != (long)seed)
        {
            throw new InvalidDataException($"{path}: checkpoint was written with seed {saved}, this run uses " +
                $"{seed} (pass the same --seed)");
        }
    }

    /// <summary>
    /// The saved optimiser arrays, one per slot of <paramref name="optimizer"/>; a missing one throws, naming it
    /// as "<paramref name="noun"/> 'optimizer.i'".
    /// </summary>
    public static List<float[]> OptimizerArrays(Checkpoint checkpoint, Optimizer optimizer, string path,
        string noun)
    {
        int slots = optimizer.StateArrays.Count;
        var arrays = new List<float[]>(slots);
        for (int i = 0; i < slots; i++)
        {
            if (!checkpoint.OptimizerState.TryGetValue($"optimizer.{i}", out float[]? array))
            {
                throw new InvalidDataException($"{path}: {noun} 'optimizer.{i}' is missing (does the training " +
                    "section still name the same optimizer?)");
            }

            arrays.Add(array);
        }

        return arrays;
    }

    /// <summary>Puts the optimiser state (step count and <paramref name="arrays"/>) and the shuffle stream
    /// back.</summary>
    public static void RestoreShared(Checkpoint checkpoint, Optimizer optimizer, List<float[]> arrays,
        TrainingRandom shuffle)
    {
        optimizer.RestoreState(Convert.ToInt64(checkpoint.Metadata["optimizer.steps"]), arrays);
        shuffle.SetState(checkpoint.RngState["shuffle"]);
    }

    /// <summary>The metrics rows saved in the checkpoint (none when it has no "metrics" blob).</summary>
    public static List<EpochMetrics> Rows(Checkpoint checkpoint) =>
        checkpoint.Blobs.TryGetValue("metrics", out byte[]? blob)
            ? JsonSerializer.Deserialize<List<EpochMetrics>>(blob) ?? []
            : [];
}
