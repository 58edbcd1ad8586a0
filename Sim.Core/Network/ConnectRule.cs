namespace NeuroSim.Core.Network;

/// <summary>How a projection's synapses are chosen ("connect.rule").</summary>
public enum ConnectRule
{
    /// <summary>Every source neuron to every target neuron; stored dense [post, pre].</summary>
    AllToAll,

    /// <summary>Source i to target i; sizes must match.</summary>
    OneToOne,

    /// <summary>Each (pre, post) pair independently with probability p, from the projection's seed.</summary>
    FixedProbability,

    /// <summary>Explicit (pre, post) pairs.</summary>
    List,
}
