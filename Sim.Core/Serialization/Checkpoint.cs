using MessagePack;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// A training checkpoint: everything a trainer needs to continue exactly where it stopped. It holds what a
/// synapse file holds (definition, weights, metadata) plus the trainer's state: its name, the position in
/// training (epoch, batch), optimiser state as named float arrays, random-generator state as named ulong
/// arrays, and named byte blobs for anything else.
/// </summary>
/// <remarks>
/// <para>Generic on purpose: each trainer chooses its own names (e.g. <c>"adam.m/h1_out.weight"</c>,
/// <c>"adam.t"</c> as metadata, <c>"shuffle"</c> for the generator that orders the batches) and documents them;
/// this type only stores and checks them. Convention for <see cref="Epoch"/> and <see cref="Batch"/>: they name the
/// next batch to run (a checkpoint written after finishing epoch 3 of a 0-based count has Epoch = 4,
/// Batch = 0), so resuming continues there.</para>
/// <para>File: the same envelope as <see cref="SynapseFile"/> with kind <c>CKPT</c>, written atomically, so a
/// process killed while saving leaves the previous checkpoint intact. <see cref="SynapseFile.Load"/> also
/// reads a checkpoint's weights (e.g. to evaluate or export it).</para>
/// </remarks>
public sealed class Checkpoint
{
    /// <summary>Creates a checkpoint of <paramref name="weights"/>, built from <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">The store does not match the definition.</exception>
    public Checkpoint(NetworkSpec network, SynapseStore weights)
    {
        StoreCodec.CheckMatches(network, weights);
        Network = network;
        Weights = weights;
    }

    /// <summary>The format version this NeuroSim writes (and the newest major version it reads).</summary>
    public static FormatVersion CurrentVersion { get; } = new(1, 1);

    /// <summary>The network definition the weights belong to.</summary>
    public NetworkSpec Network { get; }

    /// <summary>The weights (the live store when saving, a fresh one after <see cref="Load"/>).</summary>
    public SynapseStore Weights { get; }

    /// <summary>Who wrote the checkpoint and can resume it (e.g. "ann", "snn"); resumers check it.</summary>
    public string Trainer { get; set; } = "";

    /// <summary>Epoch of the next batch to run (0-based).</summary>
    public int Epoch { get; set; }

    /// <summary>Index of the next batch to run within <see cref="Epoch"/> (0-based).</summary>
    public long Batch { get; set; }

    /// <summary>Optimiser state by name (moments, velocities, GRAPES factors), float32 arrays of any length.</summary>
    public Dictionary<string, float[]> OptimizerState { get; } = new(StringComparer.Ordinal);

    /// <summary>Random-generator state by name (e.g. the four words of a xoshiro256** generator).</summary>
    public Dictionary<string, ulong[]> RngState { get; } = new(StringComparer.Ordinal);

    /// <summary>Anything else a trainer needs, as named byte arrays (it owns their meaning).</summary>
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Free-form values: string, bool, int, long, float, double (read as string/bool/long/double).</summary>
    public Dictionary<string, object> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>The format version the checkpoint was read from (<see cref="CurrentVersion"/> for a new one).</summary>
    public FormatVersion Version { get; private set; } = CurrentVersion;

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">A metadata value of another type, or a negative epoch or batch.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Save(string path)
    {
        if (Epoch < 0 || Batch < 0)
        {
            throw new ArgumentException($"epoch ({Epoch}) and batch ({Batch}) must be >= 0");
        }

        ReadOnlyMemory<byte> payload = PayloadWriter.Build((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(StoreCodec.CommonFieldCount(Weights) + 6);
            StoreCodec.WriteCommon(ref w, Network, Weights, Metadata);
            w.Write(PayloadKeys.Trainer);
            w.Write(Trainer);
            w.Write(PayloadKeys.Epoch);
            w.Write(Epoch);
            w.Write(PayloadKeys.Batch);
            w.Write(Batch);
            w.Write(PayloadKeys.OptimizerState);
            PayloadWriter.WriteNamedArrays(ref w, OptimizerState);
            w.Write(PayloadKeys.RngState);
            PayloadWriter.WriteNamedArrays(ref w, RngState);
            w.Write(PayloadKeys.Blobs);
            PayloadWriter.WriteNamedArrays(ref w, Blobs);
        });
        ContainerFile.Write(path, FileKind.Checkpoint, CurrentVersion, payload.Span);
    }

    /// <summary>Loads a checkpoint with every size checked.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Loader options for the embedded definition (default: the process-wide ones).</param>
    /// <exception cref="SynapseFileException">Missing, damaged, too new, a synapse file rather than a checkpoint,
    /// or not matching its definition.</exception>
    public static Checkpoint Load(string path, NetworkLoadOptions? options = null)
    {
        ContainerContent content = ContainerFile.Read(path, CurrentVersion);
        if (content.Kind != FileKind.Checkpoint)
        {
            throw new SynapseFileException(path, "is a synapse file, not a checkpoint (it holds weights only; " +
                "start a new training from it instead of resuming)");
        }

        return Decode(path, content, options);
    }

    /// <summary>Decodes an already-read envelope (used by the tests).</summary>
    internal static Checkpoint Decode(string path, ContainerContent content, NetworkLoadOptions? options)
    {
        var pr = new PayloadReader(path);
        ReadOnlyMemory<byte> payload = content.Payload;
        return pr.Guard(() =>
        {
            Dictionary<int, int> fields = StoreCodec.IndexMap(pr, payload, 0, "top-level map");
            SynapseFile.CheckNothingAfter(pr, payload);
            var (network, store, metadata) = StoreCodec.ReadCommon(pr, payload, fields, options);
            var checkpoint = new Checkpoint(network, store) { Version = content.Version };
            foreach (var (key, value) in metadata)
            {
                checkpoint.Metadata[key] = value;
            }

            var r = StoreCodec.At(payload, StoreCodec.Require(pr, fields, PayloadKeys.Trainer, "trainer"));
            checkpoint.Trainer = pr.ReadString(ref r, "trainer");
            r = StoreCodec.At(payload, StoreCodec.Require(pr, fields, PayloadKeys.Epoch, "epoch"));
            checkpoint.Epoch = (int)pr.ReadInteger(ref r, "epoch", 0, int.MaxValue);
            r = StoreCodec.At(payload, StoreCodec.Require(pr, fields, PayloadKeys.Batch, "batch"));
            checkpoint.Batch = pr.ReadInteger(ref r, "batch", 0, long.MaxValue);
            CopyArrays(pr, payload, fields, PayloadKeys.OptimizerState, "optimizer state", checkpoint.OptimizerState);
            CopyArrays(pr, payload, fields, PayloadKeys.RngState, "rng state", checkpoint.RngState);
            CopyArrays(pr, payload, fields, PayloadKeys.Blobs, "blobs", checkpoint.Blobs);
            return checkpoint;
        });
    }

    private static void CopyArrays<T>(PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> fields,
        int key, string where, Dictionary<string, T[]> into) where T : unmanaged
    {
        if (!fields.TryGetValue(key, out int offset))
        {
            return;
        }

        var r = StoreCodec.At(payload, offset);
        foreach (var (name, values) in pr.ReadNamedArrays<T>(ref r, where))
        {
            into[name] = values;
        }
    }
}
