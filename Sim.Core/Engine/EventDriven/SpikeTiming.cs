namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>Where the event-driven engine places spike times.</summary>
public enum SpikeTiming
{
    /// <summary>
    /// The clock engine's convention, for agreement with it: the threshold is tested at grid points t_n + dt;
    /// a spike found there is stamped t_n, resets V at t_n + dt and reaches its targets at t_n + (1 + d)·dt
    /// (d = delay in steps). Input and spike-time sources must lie on the grid.
    /// </summary>
    Grid,

    /// <summary>
    /// Continuous time: a spike is the exact threshold crossing (found to 1e-12 ms), resets V at that instant
    /// and reaches its targets after exactly the projection's delay. Inputs may lie anywhere in time.
    /// </summary>
    Exact,
}
