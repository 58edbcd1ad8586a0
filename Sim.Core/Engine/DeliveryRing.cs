using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The input ring buffer of one target population: one slot per delivery step, each slot holding every
/// neuron's pending jump for each receptor, in the population's precision <typeparamref name="T"/> (float for
/// <see cref="ISpikingPopulation"/>, double for <see cref="IFloat64Population"/>).
/// </summary>
/// <typeparam name="T">The element type of the sums: <see cref="float"/> or <see cref="double"/>. Weights are
/// float32 in both; a float64 ring widens each weight and sums in double. A sum of float32 weights of like
/// magnitude is exact in double (24-bit mantissas, 53-bit sum), so in practice it does not depend on the order of
/// the jumps; the only rounding is the one addition to the state, where the event engine, adding each jump to the
/// state, rounds once per jump.</typeparam>
/// <remarks>
/// <para>With the longest delay D steps into this population, spikes found in step n land in slots
/// n + 1 .. n + 1 + D, and step m consumes slot m; a ring of D + 1 slots suffices because step n consumes and
/// zeroes its own slot before any spike of step n is written (as NEST's ring buffers do). Each neuron's jumps are
/// summed in the slot in delivery order, starting from zero, and the sum is added to its synaptic variable once,
/// so the result does not depend on how the slot is consumed.</para>
/// <para>Two ways to consume a slot. Each receptor's slot keeps a list of the neurons its events touched (a neuron
/// is listed when an event finds its cell at zero; a cell that sums back to zero may be listed twice, which is
/// harmless), with room for a quarter of the population; <see cref="ConsumeSparse"/> visits just those. When a
/// row might not fit (list length + row length > room; decided by the data alone, so the same on every run), the
/// list is dropped, the slot is dense, and the population consumes the whole slot inside its step kernel
/// (<see cref="DueJumps{T}"/>), one vectorised pass it makes over its state anyway. At CUBA's activity (~0.04
/// synaptic events per neuron and step) the sparse way saves the kernel two load and two store streams per
/// neuron.</para>
/// </remarks>
public sealed class DeliveryRing<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Dense = -1;
    private readonly T[][] _jumps;
    private readonly int[][] _touched;
    private readonly int[] _touchedCount;
    private readonly int _capacity;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to
    /// <paramref name="maxDelaySteps"/>.</summary>
    public DeliveryRing(int size, int maxDelaySteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelaySteps);
        Size = size;
        Length = maxDelaySteps + 1;
        _capacity = Math.Max(size / 4, 1);
        _jumps = [new T[(long)Length * size], new T[(long)Length * size]];
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

    /// <summary>Adds one presynaptic neuron's row of jumps: <paramref name="weight"/>[k] for neuron
    /// <paramref name="post"/>[k], all in slot <paramref name="slot"/>. The caller guarantees every post index lies
    /// in [0, <see cref="Size"/>) (connections are checked when the network is built), so cells are addressed
    /// without bounds checks. Indices may be 32-bit or, for targets of up to 65,536 neurons, 16-bit (half the
    /// memory a spike walks through).</summary>
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
    /// weight for the whole row (a connection whose weights are all equal reads no weight array).</summary>
    public void AddRow<TIndex>(Receptor receptor, int slot, ReadOnlySpan<TIndex> post, float weight)
        where TIndex : unmanaged, IBinaryInteger<TIndex> =>
        AddRow(receptor, slot, post, new Shared(T.CreateTruncating(weight)));

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
        ref T cells = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_jumps[r]), (nint)slot * Size);
        int count = _touchedCount[flag];
        if (count != Dense && count + post.Length > _capacity)
        {
            // The list might overflow with this row: the slot goes dense (decided by the data alone, so the
            // same on every run).
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

        // Branch-free listing: every target is written at the list's end, and the end moves on only when the
        // cell was empty (about half the time at CUBA's activity, too random to predict).
        ref int touched = ref Unsafe.Add(
            ref MemoryMarshal.GetArrayDataReference(_touched[r]), (nint)slot * _capacity);
        for (int k = 0; k < post.Length; k++)
        {
            int p = int.CreateTruncating(post[k]);
            ref T cell = ref Unsafe.Add(ref cells, p);
            Unsafe.Add(ref touched, count) = p;
            count += cell == T.Zero ? 1 : 0;
            cell += weight.Get(k);
        }

        _touchedCount[flag] = count;
    }

    /// <summary>Whether slot <paramref name="slot"/> is to be consumed whole by the population's kernel (some
    /// receptor touched more than a quarter of the neurons) rather than by <see cref="ConsumeSparse"/>.</summary>
    public bool IsDense(int slot) =>
        _touchedCount[(int)Receptor.Excitatory * Length + slot] == Dense ||
        _touchedCount[(int)Receptor.Inhibitory * Length + slot] == Dense;

    /// <summary>The whole slot, neurons [<paramref name="start"/>, <paramref name="end"/>), for a kernel to
    /// consume (only when <see cref="IsDense"/>).</summary>
    public DueJumps<T> Due(int slot, int start, int end) => new(
        _jumps[(int)Receptor.Excitatory].AsSpan(slot * Size + start, end - start),
        _jumps[(int)Receptor.Inhibitory].AsSpan(slot * Size + start, end - start));

    /// <summary>Adds the touched neurons' jumps to the synaptic variables and zeroes them (only when not
    /// <see cref="IsDense"/>).</summary>
    public void ConsumeSparse(int slot, Span<T> excitatory, Span<T> inhibitory)
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

    private void ConsumeTouched(Receptor receptor, int slot, Span<T> target)
    {
        int r = (int)receptor;
        var cells = _jumps[r].AsSpan(slot * Size, Size);
        foreach (int j in _touched[r].AsSpan(slot * _capacity, _touchedCount[r * Length + slot]))
        {
            target[j] += cells[j];
            cells[j] = T.Zero;
        }
    }

    /// <summary>The pending jump of neuron <paramref name="post"/> in slot <paramref name="slot"/> (tests,
    /// diagnostics).</summary>
    public T Pending(Receptor receptor, int slot, int post) => _jumps[(int)receptor][(long)slot * Size + post];

    // The weights of one row (float32, widened for a float64 ring), specialised per struct so the loop above
    // compiles to plain loads or a constant.
    private interface IRowWeights
    {
        T Get(int k);
    }

    private readonly ref struct PerSynapse(ReadOnlySpan<float> weights) : IRowWeights
    {
        private readonly ReadOnlySpan<float> _weights = weights;

        public T Get(int k) => T.CreateTruncating(_weights[k]);
    }

    private readonly struct Shared(T weight) : IRowWeights
    {
        public T Get(int k) => weight;
    }
}
