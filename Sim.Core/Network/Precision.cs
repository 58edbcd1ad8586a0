namespace NeuroSim.Core.Network;

/// <summary>
/// The arithmetic of the clock engine's LIF populations ("precision" in the simulation section, or
/// <c>neurosim run --precision</c>).
/// </summary>
/// <remarks>
/// Parameters, initial values and weights are the same float32 numbers in both; what changes is the type of the
/// state variables (V, g_e, g_i) and of the sums of the synaptic jumps due at a step. The event-driven engine
/// always works in float64, so in float64 the two engines give identical spike trains for grid-aligned input
/// (docs/event-driven.md); in float32 they agree up to float32 rounding ties.
/// </remarks>
public enum Precision
{
    /// <summary>State and jump sums in float32: the vectorised kernel, fastest (the default).</summary>
    Float32,

    /// <summary>State and jump sums in float64: the clock engine's answer is the event engine's.</summary>
    Float64,
}
