namespace NeuroSim.Core.Engine;

/// <summary>
/// The float64 twin of <see cref="DueJumps"/>: per neuron of one block, the sums (in double) of the jumps
/// arriving at the start of a step, one span per receptor (a slice of a <see cref="Float64DeliveryRing"/> slot).
/// The population consumes them: adds each sum to the neuron's synaptic variable and zeroes the entry.
/// </summary>
public readonly ref struct Float64DueJumps(Span<double> excitatory, Span<double> inhibitory)
{
    /// <summary>Jumps into the excitatory synaptic variable (empty: none).</summary>
    public readonly Span<double> Excitatory = excitatory;

    /// <summary>Jumps into the inhibitory synaptic variable (empty: none).</summary>
    public readonly Span<double> Inhibitory = inhibitory;
}
