namespace NeuroSim.Core.Engine;

/// <summary>
/// The synaptic jumps due at the start of a step for one block of neurons: per neuron, the sum of the weights
/// of the spikes arriving now, one span per receptor (a slice of the target's <see cref="DeliveryRing{T}"/> slot),
/// in the population's precision (float32, or float64 for an <see cref="IFloat64Population"/>). Empty for
/// populations that take no input.
/// </summary>
/// <remarks>
/// A population consumes them: it adds each sum to the neuron's synaptic variable and zeroes the entry, so the
/// slot is empty for its next use. LIF does this inside its step kernel, in the same pass that integrates, so
/// delivery costs no extra pass over memory; <see cref="AddTo"/> is the plain version for everything else.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public readonly ref struct DueJumps<T>(Span<T> excitatory, Span<T> inhibitory)
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    /// <summary>Jumps into the excitatory synaptic variable (empty: none).</summary>
    public readonly Span<T> Excitatory = excitatory;

    /// <summary>Jumps into the inhibitory synaptic variable (empty: none).</summary>
    public readonly Span<T> Inhibitory = inhibitory;

    /// <summary>Adds the jumps to <paramref name="excitatory"/> and <paramref name="inhibitory"/> (the block's
    /// synaptic variables, which may be the same span) and zeroes them.</summary>
    public void AddTo(Span<T> excitatory, Span<T> inhibitory)
    {
        Consume(Excitatory, excitatory);
        Consume(Inhibitory, inhibitory);
    }

    private static void Consume(Span<T> jumps, Span<T> target)
    {
        if (jumps.IsEmpty)
        {
            return;
        }

        System.Numerics.Tensors.TensorPrimitives.Add(target, jumps, target);
        jumps.Clear();
    }
}
