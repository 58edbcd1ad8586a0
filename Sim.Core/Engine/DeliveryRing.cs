using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The input ring buffer of one target population: one slot per delivery step, each slot holding every
/// neuron's pending jump for each receptor.
/// </summary>
/// <remarks>
/// With the longest delay D steps into this population, spikes found in step n land in slots n + 1 .. n + 1 + D,
/// and step m drains slot m; a ring of D + 1 slots suffices because step n drains and zeroes its own slot
/// before any spike of step n is written (as NEST's ring buffers do). Each neuron's jumps are summed in the slot
/// in delivery order, starting from zero, and the sum is added to its synaptic variable once.
/// <para>Slots are dense; the population consumes its slot (<see cref="DueJumps"/>) in the pass that integrates,
/// which LIF fuses into its step kernel. The clock engine visits every neuron every step anyway, so a dense slot
/// never changes the cost's order, and it keeps a synaptic event down to one add, with no bookkeeping of which
/// neurons a slot touched. (An earlier version kept such a list to drain sparsely; at CUBA's activity the list
/// cost more per event than the whole dense pass.)</para>
/// </remarks>
public sealed class DeliveryRing
{
    private readonly float[][] _jumps;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to
    /// <paramref name="maxDelaySteps"/>.</summary>
    public DeliveryRing(int size, int maxDelaySteps)
    {
        Size = size;
        Length = maxDelaySteps + 1;
        _jumps = [new float[(long)Length * size], new float[(long)Length * size]];
    }

    /// <summary>Neurons per slot.</summary>
    public int Size { get; }

    /// <summary>Number of slots.</summary>
    public int Length { get; }

    /// <summary>The slot index for delivery step <paramref name="step"/>.</summary>
    public int SlotOf(long step) => (int)(step % Length);

    /// <summary>The pending jumps of one receptor in slot <paramref name="slot"/>, one per neuron; a synaptic
    /// event adds its weight to its target's entry.</summary>
    public Span<float> Slot(Receptor receptor, int slot) => _jumps[(int)receptor].AsSpan(slot * Size, Size);

    /// <summary>Adds a jump <paramref name="weight"/> for neuron <paramref name="post"/> in slot
    /// <paramref name="slot"/>.</summary>
    public void Add(Receptor receptor, int slot, int post, float weight) =>
        _jumps[(int)receptor][(long)slot * Size + post] += weight;
}
