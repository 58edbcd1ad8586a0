using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The one place where train and eval write and read synapses.msgpack, through the store helper's
/// <c>SynapseFile</c> (Sim.Core/Serialization).
/// </summary>
public static class SynapseFileGateway
{
    /// <summary>Writes the network definition and every projection's arrays to <paramref name="path"/>.</summary>
    public static void Save(string path, NetworkSpec spec, SynapseStore store) =>
        throw new NotSupportedException("synapses.msgpack: the SynapseFile API (store helper) is not merged yet");

    /// <summary>Reads a synapse file back: the network's JSON text and its store.</summary>
    public static (string NetworkJson, SynapseStore Store) Load(string path) =>
        throw new NotSupportedException("synapses.msgpack: the SynapseFile API (store helper) is not merged yet");
}
