namespace NeuroSim.Core.Network;

/// <summary>
/// The documented bounds the loader enforces (docs/network-format.md, "Limits"), so that a file asking for more
/// than one process can hold is refused with a clear error instead of failing later (overflow, out of memory).
/// </summary>
/// <remarks>
/// Population sizes and synapse counts are bounded by what .NET arrays index (int) and by memory: a LIF neuron
/// costs ~64 bytes of state, a synapse 8–12 bytes (weight, delay, target index), so the bounds below already
/// ask for ~6 GB (neurons) or ~12 GB (synapses). Delays are bounded in ms and in steps because each target
/// population keeps a ring buffer of (longest delay / dt + 1) slots of one float per neuron and receptor.
/// </remarks>
public static class NetworkLimits
{
    /// <summary>Most neurons in one population (10^8).</summary>
    public const int MaxPopulationSize = 100_000_000;

    /// <summary>Most synapses in one projection (10^9; the expected count for fixed_probability).</summary>
    public const long MaxSynapsesPerProjection = 1_000_000_000;

    /// <summary>Longest synaptic delay, in ms (1 s, far above axonal delays of a few tens of ms).</summary>
    public const double MaxDelayMs = 1000.0;

    /// <summary>Longest synaptic delay in steps of dt (the delivery ring's length).</summary>
    public const long MaxDelaySteps = 100_000;

    /// <summary>Smallest time step, in ms (1 ns).</summary>
    public const double MinDtMs = 1e-6;

    /// <summary>Most steps in one run (duration / dt).</summary>
    public const long MaxSteps = 1_000_000_000_000;
}
