namespace NeuroSim.Core.Network;

/// <summary>Which simulation engine runs the network ("engine" in the simulation section).</summary>
public enum EngineKind
{
    /// <summary>Clock-driven: every population advances by dt; delays are whole steps.</summary>
    Clock,

    /// <summary>Event-driven: state advanced analytically between spikes; delays need not divide dt.</summary>
    Event,
}
