namespace NeuroSim.Core.Network;

/// <summary>
/// Where the event-driven engine places spike times ("timing" in the simulation section; the clock engine always
/// works on the grid).
/// </summary>
public enum EventTiming
{
    /// <summary>The clock engine's conventions: spikes stamped with the start of the dt step that contains the
    /// threshold crossing, so both engines give the same spikes (the default).</summary>
    Grid,

    /// <summary>Continuous time: spikes at the exact threshold crossing, input spike times used as given.</summary>
    Exact,
}
