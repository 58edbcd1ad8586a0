using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The input ring buffer of one float64 population (<see cref="IFloat64Population"/>): one slot per delivery step,
/// each holding every neuron's pending jump for each receptor, summed in double.
/// </summary>
/// <remarks>
/// <para>Slots work as in <see cref="DeliveryRing"/> (D + 1 slots for a longest delay of D steps; step m consumes
/// slot m before any spike of step m is written). Each jump is the connection's float32 weight, widened to double
/// and added to the cell in delivery order, (population, neuron, synapse); the population adds the cell's sum to
/// its synaptic variable once. A sum of float32 weights of like magnitude is exact in double (24-bit mantissas,
/// 53-bit sum), so in practice it does not depend on the order of the jumps; the only rounding is the one
/// addition to the state, where the event engine, adding each jump to the state, rounds once per jump.</para>
/// <para>Every slot is consumed whole by the population's kernel (there is no sparse list as in the float32
/// ring): one load and one store stream of doubles per neuron and receptor per step.</para>
/// </remarks>
public sealed class Float64DeliveryRing
{
    private readonly double[][] _jumps;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to
    /// <paramref name="maxDelaySteps"/>.</summary>
    public Float64DeliveryRing(int size, int maxDelaySteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelaySteps);
        Size = size;
        Length = maxDelaySteps + 1;
        _jumps = [new double[(long)Length * size], new double[(long)Length * size]];
    }

    /// <summary>Neurons per slot.</summary>
    public int Size { get; }

    /// <summary>Number of slots.</summary>
    public int Length { get; }

    /// <summary>The slot index for delivery step <paramref name="step"/>.</summary>
    public int SlotOf(long step) => (int)(step % Length);

    /// <summary>Adds a jump <paramref name="weight"/> for neuron <paramref name="post"/> in slot
    /// <paramref name="slot"/>.</summary>
    public void Add(Receptor receptor, int slot, int post, float weight)
    {
        if ((uint)post >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(post), post, $"outside the ring's {Size} neurons");
        }

        CheckSlot(slot);
        _jumps[(int)receptor][(long)slot * Size + post] += weight;
    }

    /// <summary>Adds one presynaptic neuron's row: <paramref name="weight"/>[k] for neuron
    /// <paramref name="post"/>[k] (every index in [0, <see cref="Size"/>), checked when the network was built), all
    /// in slot <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRow<TIndex>(Receptor receptor, int slot, ReadOnlySpan<TIndex> post, ReadOnlySpan<float> weight)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        if (weight.Length != post.Length)
        {
            throw new ArgumentException(
                $"a row needs one weight per target (got {weight.Length} for {post.Length})", nameof(weight));
        }

        ref double cells = ref Cells(receptor, slot);
        for (int k = 0; k < post.Length; k++)
        {
            Unsafe.Add(ref cells, int.CreateTruncating(post[k])) += weight[k];
        }
    }

    /// <summary>As <see cref="AddRow{TIndex}(Receptor, int, ReadOnlySpan{TIndex}, ReadOnlySpan{float})"/> with one
    /// weight for the whole row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRow<TIndex>(Receptor receptor, int slot, ReadOnlySpan<TIndex> post, float weight)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        ref double cells = ref Cells(receptor, slot);
        double w = weight;
        for (int k = 0; k < post.Length; k++)
        {
            Unsafe.Add(ref cells, int.CreateTruncating(post[k])) += w;
        }
    }

    /// <summary>The whole slot, neurons [<paramref name="start"/>, <paramref name="end"/>), for a kernel to consume
    /// (add to its synaptic variables, then zero).</summary>
    public Float64DueJumps Due(int slot, int start, int end) => new(
        _jumps[(int)Receptor.Excitatory].AsSpan(slot * Size + start, end - start),
        _jumps[(int)Receptor.Inhibitory].AsSpan(slot * Size + start, end - start));

    /// <summary>The pending jump of neuron <paramref name="post"/> in slot <paramref name="slot"/> (tests,
    /// diagnostics).</summary>
    public double Pending(Receptor receptor, int slot, int post) => _jumps[(int)receptor][(long)slot * Size + post];

    private ref double Cells(Receptor receptor, int slot)
    {
        CheckSlot(slot);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_jumps[(int)receptor]), (nint)slot * Size);
    }

    private void CheckSlot(int slot)
    {
        // The slot addresses the cells without bounds checks: one outside the ring would write past its arrays.
        if ((uint)slot >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"outside the ring's {Length} slots");
        }
    }
}
