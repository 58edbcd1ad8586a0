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
/// <para>Consumed as the float32 ring's slots are: while a receptor's events in a slot have touched at most a
/// quarter of the population, the slot keeps the list of touched neurons and <see cref="ConsumeSparse"/> visits
/// just those; a busier slot goes dense (decided by the data alone) and the kernel consumes it whole
/// (<see cref="Due"/>). Either way each neuron's sum is added to its synaptic variable once, so the result is the
/// same.</para>
/// </remarks>
public sealed class Float64DeliveryRing
{
    private const int Dense = -1;
    private readonly double[][] _jumps;
    private readonly int[][] _touched;
    private readonly int[] _touchedCount;
    private readonly int _capacity;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to
    /// <paramref name="maxDelaySteps"/>.</summary>
    public Float64DeliveryRing(int size, int maxDelaySteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelaySteps);
        Size = size;
        Length = maxDelaySteps + 1;
        _capacity = Math.Max(size / 4, 1);
        _jumps = [new double[(long)Length * size], new double[(long)Length * size]];
        _touched = [new int[(long)Length * _capacity], new int[(long)Length * _capacity]];
        _touchedCount = new int[2 * Length];
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

        AddRow(receptor, slot, new ReadOnlySpan<int>(in post), new ReadOnlySpan<float>(in weight));
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

        AddRow(receptor, slot, post, new PerSynapse(weight));
    }

    /// <summary>As <see cref="AddRow{TIndex}(Receptor, int, ReadOnlySpan{TIndex}, ReadOnlySpan{float})"/> with one
    /// weight for the whole row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRow<TIndex>(Receptor receptor, int slot, ReadOnlySpan<TIndex> post, float weight)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        AddRow(receptor, slot, post, new Shared(weight));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRow<TIndex, TWeights>(Receptor receptor, int slot, ReadOnlySpan<TIndex> post, TWeights weight)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
        where TWeights : struct, IRowWeights, allows ref struct
    {
        // The slot addresses the cells without bounds checks: one outside the ring would write past its arrays.
        if ((uint)slot >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"outside the ring's {Length} slots");
        }

        int r = (int)receptor;
        int flag = r * Length + slot;
        ref double cells = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_jumps[r]), (nint)slot * Size);
        int count = _touchedCount[flag];
        if (count != Dense && count + post.Length > _capacity)
        {
            count = Dense;
            _touchedCount[flag] = Dense;
        }

        if (count == Dense)
        {
            for (int k = 0; k < post.Length; k++)
            {
                Unsafe.Add(ref cells, int.CreateTruncating(post[k])) += weight.Get(k);
            }

            return;
        }

        // Listed when the cell was empty (a cell that sums back to zero may be listed twice: harmless).
        ref int touched = ref Unsafe.Add(
            ref MemoryMarshal.GetArrayDataReference(_touched[r]), (nint)slot * _capacity);
        for (int k = 0; k < post.Length; k++)
        {
            int p = int.CreateTruncating(post[k]);
            ref double cell = ref Unsafe.Add(ref cells, p);
            Unsafe.Add(ref touched, count) = p;
            count += cell == 0 ? 1 : 0;
            cell += weight.Get(k);
        }

        _touchedCount[flag] = count;
    }

    /// <summary>Whether slot <paramref name="slot"/> is consumed whole by the kernel (<see cref="Due"/>) rather
    /// than by <see cref="ConsumeSparse"/>.</summary>
    public bool IsDense(int slot) =>
        _touchedCount[(int)Receptor.Excitatory * Length + slot] == Dense ||
        _touchedCount[(int)Receptor.Inhibitory * Length + slot] == Dense;

    /// <summary>Adds the touched neurons' sums to the synaptic variables and zeroes them (only when not
    /// <see cref="IsDense"/>).</summary>
    public void ConsumeSparse(int slot, Span<double> excitatory, Span<double> inhibitory)
    {
        if (IsDense(slot))
        {
            throw new InvalidOperationException($"slot {slot} went dense: it is consumed whole, by the kernel");
        }

        ConsumeTouched(Receptor.Excitatory, slot, excitatory);
        ConsumeTouched(Receptor.Inhibitory, slot, inhibitory);
    }

    /// <summary>Marks slot <paramref name="slot"/> empty after it was consumed, ready for step + Length.</summary>
    public void Reset(int slot)
    {
        _touchedCount[(int)Receptor.Excitatory * Length + slot] = 0;
        _touchedCount[(int)Receptor.Inhibitory * Length + slot] = 0;
    }

    private void ConsumeTouched(Receptor receptor, int slot, Span<double> target)
    {
        int r = (int)receptor;
        var cells = _jumps[r].AsSpan(slot * Size, Size);
        foreach (int j in _touched[r].AsSpan(slot * _capacity, _touchedCount[r * Length + slot]))
        {
            target[j] += cells[j];
            cells[j] = 0;
        }
    }

    /// <summary>The whole slot, neurons [<paramref name="start"/>, <paramref name="end"/>), for a kernel to consume
    /// (add to its synaptic variables, then zero; only when <see cref="IsDense"/>).</summary>
    public Float64DueJumps Due(int slot, int start, int end) => new(
        _jumps[(int)Receptor.Excitatory].AsSpan(slot * Size + start, end - start),
        _jumps[(int)Receptor.Inhibitory].AsSpan(slot * Size + start, end - start));

    /// <summary>The pending jump of neuron <paramref name="post"/> in slot <paramref name="slot"/> (tests,
    /// diagnostics).</summary>
    public double Pending(Receptor receptor, int slot, int post) => _jumps[(int)receptor][(long)slot * Size + post];

    // The weights of one row (float32, widened when added), specialised per struct as in DeliveryRing.
    private interface IRowWeights
    {
        double Get(int k);
    }

    private readonly ref struct PerSynapse(ReadOnlySpan<float> weights) : IRowWeights
    {
        private readonly ReadOnlySpan<float> _weights = weights;

        public double Get(int k) => _weights[k];
    }

    private readonly struct Shared(float weight) : IRowWeights
    {
        private readonly double _weight = weight;

        public double Get(int k) => _weight;
    }
}
