namespace NeuroSim.Core.Serialization;

/// <summary>A checked file envelope: what it holds, its format version, and the decompressed payload.</summary>
internal sealed record ContainerContent(FileKind Kind, FormatVersion Version, byte[] Payload, long FileLength);
