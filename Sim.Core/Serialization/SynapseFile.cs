using MessagePack;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// Saves and loads <c>synapses.msgpack</c>: the network definition (its JSON text) together with every
/// projection of its <see cref="SynapseStore"/> and a free-form metadata map, in the envelope described in
/// docs/file-formats.md (magic, kind, version, CRC-32, LZ4 chunks; MessagePack maps with integer keys).
/// </summary>
/// <remarks>
/// <para>Saving is atomic (<see cref="IO.AtomicFile"/>): a crash leaves the old file or the new one.</para>
/// <para>Loading checks the envelope (magic, version, checksums, lengths), validates the embedded definition
/// with <see cref="NetworkLoader"/>, then reads each projection: names, populations and sizes must match the
/// definition, and each array must hold exactly the number of values the definition implies before it is
/// allocated. Any problem raises <see cref="SynapseFileException"/> naming the file and the place.</para>
/// <para>Versions: files of an older minor or major version load; a newer minor version loads with its new
/// fields ignored; a newer major version is refused with a message naming both versions.</para>
/// </remarks>
public static class SynapseFile
{
    /// <summary>The format version this NeuroSim writes (and the newest major version it reads).</summary>
    public static FormatVersion CurrentVersion { get; } = new(1, 1);

    /// <summary>Writes <paramref name="store"/> with its definition <paramref name="network"/>, atomically.</summary>
    /// <param name="path">Target file (conventionally <c>synapses.msgpack</c>); its folder must exist.</param>
    /// <param name="network">The definition the store was built from; its JSON text is stored.</param>
    /// <param name="store">The synapses; must match <paramref name="network"/> (names, sizes, bias).</param>
    /// <param name="metadata">Optional values: string, bool, int, long, float or double (e.g. "mode": "ann").</param>
    /// <exception cref="ArgumentException">
    /// The store does not match the definition, or a metadata value has another type.
    /// </exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void Save(string path, NetworkSpec network, SynapseStore store,
        IReadOnlyDictionary<string, object>? metadata = null)
    {
        StoreCodec.CheckMatches(network, store);
        ReadOnlyMemory<byte> payload = PayloadWriter.Build((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(StoreCodec.CommonFieldCount(store));
            StoreCodec.WriteCommon(ref w, network, store, metadata);
        });
        ContainerFile.Write(path, FileKind.Synapses, CurrentVersion, payload.Span);
    }

    /// <summary>Writes <paramref name="store"/> with the network definition given as JSON text.</summary>
    /// <exception cref="NetworkValidationException">The JSON text is not a valid network definition.</exception>
    public static void Save(string path, string networkJson, string networkFileName, SynapseStore store,
        IReadOnlyDictionary<string, object>? metadata = null, NetworkLoadOptions? options = null) =>
        Save(path, NetworkLoader.LoadFromText(networkJson, networkFileName, options), store, metadata);

    /// <summary>Loads a synapse file (or the weights of a checkpoint) with every size checked.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Loader options for the embedded definition (default: the process-wide ones).</param>
    /// <exception cref="SynapseFileException">
    /// Missing, unreadable, damaged, too new, or not matching its definition.
    /// </exception>
    /// <remarks>
    /// Accepts both kinds: a synapse file (<c>SYNP</c>) and a checkpoint (<c>CKPT</c>), of which it returns the
    /// weights. A checkpoint is decoded in full (<see cref="Checkpoint.Load"/>'s checks: trainer, epoch, batch
    /// fields), so a synapse file relabelled CKPT is refused here as it is by <see cref="Checkpoint.Load"/>.
    /// </remarks>
    public static SynapseFileContents Load(string path, NetworkLoadOptions? options = null)
    {
        ContainerContent content = ContainerFile.Read(path, CurrentVersion);
        if (content.Kind == FileKind.Checkpoint)
        {
            Checkpoint checkpoint = Checkpoint.Decode(path, content, options);
            return new SynapseFileContents(content.Kind, content.Version, checkpoint.Network, checkpoint.Weights,
                checkpoint.Metadata);
        }

        return Decode(path, content, options);
    }

    /// <summary>Reads only what the first 16 bytes say: synapse file or checkpoint, and the format version.</summary>
    /// <exception cref="SynapseFileException">Missing, unreadable, or not a NeuroSim file.</exception>
    public static (FileKind Kind, FormatVersion Version) ReadKind(string path) => ContainerFile.Peek(path);

    /// <summary>Loads from an in-memory file image; <paramref name="path"/> names it in errors (for tests).</summary>
    internal static SynapseFileContents LoadImage(string path, ReadOnlySpan<byte> file, NetworkLoadOptions? options) =>
        Decode(path, ContainerFile.Decode(path, file, CurrentVersion), options);

    /// <summary>Decodes an already-read envelope (shared with <see cref="Checkpoint"/> and the tests).</summary>
    internal static SynapseFileContents Decode(string path, ContainerContent content, NetworkLoadOptions? options)
    {
        var pr = new PayloadReader(path);
        ReadOnlyMemory<byte> payload = content.Payload;
        return pr.Guard(() =>
        {
            Dictionary<int, int> fields = StoreCodec.IndexMap(pr, payload, 0, "top-level map");
            CheckNothingAfter(pr, payload);
            var (network, store, metadata) = StoreCodec.ReadCommon(pr, payload, fields, options);
            return new SynapseFileContents(content.Kind, content.Version, network, store, metadata);
        });
    }

    /// <summary>Bytes after the top-level map mean a damaged or foreign payload.</summary>
    internal static void CheckNothingAfter(PayloadReader pr, ReadOnlyMemory<byte> payload)
    {
        int end = StoreCodec.EndOf(pr, payload, 0, "top-level map");
        if (end != payload.Length)
        {
            throw pr.Fail("payload", $"{payload.Length - end} unexpected bytes after the top-level map");
        }
    }
}
