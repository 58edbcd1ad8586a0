namespace NeuroSim.Core.Serialization;

/// <summary>What a NeuroSim binary file holds, as named by the four-character code in its header.</summary>
public enum FileKind
{
    /// <summary>A synapse file (<c>SYNP</c>): network definition, synapse store and metadata.</summary>
    Synapses,

    /// <summary>A training checkpoint (<c>CKPT</c>): a synapse file's content plus the trainer's state.</summary>
    Checkpoint,
}
