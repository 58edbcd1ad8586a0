namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Which spike pairs a trace-based STDP rule counts (Morrison, Diesmann &amp; Gerstner 2008, Biol Cybern 98:459).
/// </summary>
public enum StdpPairing
{
    /// <summary>Every pre spike pairs with every post spike: a trace jumps by 1 at each spike.</summary>
    AllToAll,

    /// <summary>
    /// Symmetric nearest-spike pairing: each spike pairs only with the latest spike of the other side; a trace
    /// is reset to 1 at each spike instead of incremented.
    /// </summary>
    Nearest,
}
