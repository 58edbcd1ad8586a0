using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Serialization;

/// <summary>What <see cref="SynapseFile.Load"/> returns: the definition, the synapses and the metadata.</summary>
/// <param name="Kind">Whether the file was a synapse file or a checkpoint (both carry weights).</param>
/// <param name="Version">The format version the file was written in.</param>
/// <param name="Network">The network definition stored with the synapses, validated.</param>
/// <param name="Store">Every projection's arrays, checked against <paramref name="Network"/>.</param>
/// <param name="Metadata">Free-form values (string, bool, long, double) such as training mode or accuracy.</param>
public sealed record SynapseFileContents(FileKind Kind, FormatVersion Version, NetworkSpec Network,
    SynapseStore Store, IReadOnlyDictionary<string, object> Metadata);
