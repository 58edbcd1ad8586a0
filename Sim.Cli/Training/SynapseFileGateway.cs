using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The one place where train and eval write and read synapses.msgpack, through the store helper's
/// <see cref="SynapseFile"/> (MessagePack, LZ4, written atomically).
/// </summary>
public static class SynapseFileGateway
{
    /// <summary>Writes the network definition and every projection's arrays, plus run metadata.</summary>
    public static void Save(string path, NetworkSpec spec, SynapseStore store,
        IReadOnlyDictionary<string, object>? metadata = null) => SynapseFile.Save(path, spec, store, metadata);

    /// <summary>Reads a synapse file (or a checkpoint's weights): the validated definition and its store.</summary>
    public static (NetworkSpec Network, SynapseStore Store) Load(string path)
    {
        SynapseFileContents contents = SynapseFile.Load(path, CliLoadOptions.Default);
        return (contents.Network, contents.Store);
    }
}
