namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>Kinds of event, in the order they are processed when they fall at the same time.</summary>
public enum EventKind
{
    /// <summary>A predicted threshold crossing of LIF neuron A (global index), valid while its version is B.</summary>
    Crossing = 0,

    /// <summary>
    /// Neuron A's prediction reached the end of its look-ahead window without a crossing: search on from here
    /// (valid while its version is B).
    /// </summary>
    Recheck = 1,

    /// <summary>Spike number B of spike-time source neuron A (global index).</summary>
    SourceSpike = 2,

    /// <summary>The grid step at the event's time, for every clock-stepped source population.</summary>
    SourceStep = 3,

    /// <summary>A spike of presynaptic neuron B (local index) reaches the synapses of projection A.</summary>
    Delivery = 4,
}
