using System.Numerics;
using System.Runtime.CompilerServices;
using NeuroSim.Core.Network;
using NeuroSim.Core.Plasticity;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The clock-driven engine: advances every population of a <see cref="SimulationNetwork"/> by one step dt at a
/// time and carries spikes to their targets through per-population ring buffers.
/// </summary>
/// <remarks>
/// <para>One step n, covering [t_n, t_n + dt), is, in this order:</para>
/// <list type="number">
/// <item>inputs: constant currents due to switch on or off at step n do so;</item>
/// <item>deliver: the jumps in each target population's ring slot due at step n are added to its synaptic
/// variables (and the slot emptied);</item>
/// <item>integrate: the population's state is propagated to t_n + dt;</item>
/// <item>threshold and reset: neurons that reach threshold spike (stamped t_n) and are reset.</item>
/// </list>
/// <para>Integrate, threshold and reset run fused, one pass per block of neurons, on the worker threads (delivery
/// too when a slot is dense, see <see cref="DeliveryRing{T}"/>). Then, on the calling thread:</para>
/// <list type="number">
/// <item>propagate: each spike is fanned out into the ring slot of step n + 1 + delay;</item>
/// <item>record: spike observers (recorders, statistics) see the step's spikes.</item>
/// </list>
/// <para>Determinism: blocks are fixed by population size, not by thread count; spikes are merged in block
/// order and propagated on one thread in (population, neuron, synapse) order, so every float sum is taken in
/// the same order and the spikes are bit-identical for any thread count. Cost per step ∝ neurons + spikes ×
/// fan-out; nothing is allocated per step.</para>
/// <para>Precision: a float64 population (<see cref="IFloat64Population"/>, <c>"precision": "float64"</c>) gets a
/// float64 <see cref="DeliveryRing{T}"/>; its jumps are added in the same (spike, synapse) order, in double, and a
/// slot is consumed the same two ways. The float32 path gains only a null check per block, per outgoing
/// connection with spikes and per population.</para>
/// <para>Weights are read from the connections' arrays as spikes arrive, so changes made between steps take
/// effect, with one exception: a sparse connection whose weights are all equal when the engine is created, and
/// that has no plasticity rule, is delivered with that one weight (its array is not read again).</para>
/// </remarks>
public sealed class ClockEngine : IDisposable
{
    /// <summary>Neurons per block of work (a multiple of every vector width).</summary>
    public const int BlockSize = 1024;

    private readonly SimulationNetwork _network;
    private readonly StepWorkers _workers;
    private readonly (int Population, int Start, int End)[] _blocks;
    private readonly SpikeBuffer[] _blockSpikes;
    private readonly SpikeBuffer[] _spikes;
    private readonly List<int>[] _outgoing;
    private readonly List<ISpikeObserver> _observers = [];
    private readonly Action<int, int> _advanceBlock;
    private readonly long[] _spikeCounts;
    private readonly float?[] _sharedWeight;
    private readonly ushort[]?[] _shortPost;
    private readonly IFloat64Population?[] _float64;
    private ClockPlasticity? _plasticity;

    // Connections delivered when a spike arrives rather than when it is emitted: the plastic ones, so a spike
    // transmits its synapse's weight as it is on arrival, as in the event engine (ClockPlasticity calls back).
    private readonly bool[] _atArrival;
    private readonly Action<int, int> _deliverArrival;

    /// <summary>Creates an engine at step 0 on <paramref name="threads"/> threads (1 = the caller's only).</summary>
    public ClockEngine(SimulationNetwork network, int threads = 1)
    {
        _network = network;
        _workers = new StepWorkers(threads);
        var blocks = new List<(int, int, int)>();
        for (int p = 0; p < network.Populations.Count; p++)
        {
            int size = network.Populations[p].Size;
            for (int start = 0; start < size; start += BlockSize)
            {
                blocks.Add((p, start, Math.Min(start + BlockSize, size)));
            }
        }

        _blocks = [.. blocks];
        _blockSpikes = _blocks.Select(b => new SpikeBuffer(b.End - b.Start)).ToArray();
        _spikes = network.Populations.Select(p => new SpikeBuffer(p.Size)).ToArray();
        _outgoing = network.Populations.Select(_ => new List<int>()).ToArray();
        for (int c = 0; c < network.Connections.Count; c++)
        {
            _outgoing[network.Connections[c].Source].Add(c);
        }

        _spikeCounts = new long[network.Populations.Count];
        _sharedWeight = network.Connections.Select(SharedWeight).ToArray();
        _atArrival = new bool[network.Connections.Count];
        _deliverArrival = (c, pre) => DeliverNow(c, [pre], CurrentStep);
        _shortPost = network.Connections.Select(ShortPost).ToArray();
        _float64 = network.Populations.Select(p => p as IFloat64Population).ToArray();
        _advanceBlock = AdvanceBlock;
        CodeWarmup.Prepare(typeof(ClockEngine), typeof(StepWorkers), typeof(SpikeBuffer),
            typeof(DeliveryRing<float>), typeof(CurrentSchedule));
        if (_float64.Any(p => p is not null))
        {
            CodeWarmup.Prepare(typeof(DeliveryRing<double>));
        }

        CodeWarmup.Prepare([.. network.Populations.Select(p => p.GetType())]);
    }

    /// <summary>The network being simulated.</summary>
    public SimulationNetwork Network => _network;

    /// <summary>The next step to run (0 before the first).</summary>
    public long CurrentStep { get; private set; }

    /// <summary>Biological time reached, ms (CurrentStep × dt).</summary>
    public double TimeMs => CurrentStep * _network.Dt;

    /// <summary>Synaptic events delivered so far (one per synapse per presynaptic spike).</summary>
    public long SynapticEvents { get; private set; }

    /// <summary>Spikes per population so far.</summary>
    public IReadOnlyList<long> SpikeCounts => _spikeCounts;

    /// <summary>
    /// Attaches a plasticity rule to connection <paramref name="connection"/> (before the first step).
    /// </summary>
    public void AddPlasticity(int connection, IPlasticityRule rule)
    {
        _plasticity ??= new ClockPlasticity(_network);
        _plasticity.Add(connection, rule);
        _sharedWeight[connection] = null; // the rule changes weights one by one
        _atArrival[connection] = true;
    }

    /// <summary>Adds an observer that sees every step's spikes from the next step on.</summary>
    public void AddObserver(ISpikeObserver observer) => _observers.Add(observer);

    /// <summary>The spikes population <paramref name="population"/> emitted in the last step.</summary>
    public ReadOnlySpan<int> LastSpikes(int population) => _spikes[population].Indices;

    /// <summary>Runs <paramref name="steps"/> steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(long steps)
    {
        for (long s = 0; s < steps; s++)
        {
            Step();
        }
    }

    /// <summary>Runs one step: deliver, integrate, threshold, reset (fused per block); propagate; record.</summary>
    public void Step()
    {
        ApplyDueCurrents();

        _plasticity?.BeforeStep(CurrentStep, _deliverArrival);

        AdvancePopulations();

        CollectSpikes();

        Learn();

        // Step hooks (e.g. R-STDP's reward-gated update) run before the step's spikes read their weights, as in
        // the event engine, where the hooks due at t_{n+1} run before the deliveries at t_{n+1}.
        _plasticity?.AfterStep(CurrentStep);

        PropagateSpikes();

        Record();

        CurrentStep++;
    }

    public void Dispose() => _workers.Dispose();

    private void ApplyDueCurrents() => _network.Currents.ApplyDue(CurrentStep);

    // Slots that touched few neurons are consumed here, per touched neuron; dense ones inside each block's kernel.
    private void AdvancePopulations()
    {
        for (int p = 0; p < _network.Populations.Count; p++)
        {
            if (_network.Ring(p) is { } ring && !ring.IsDense(ring.SlotOf(CurrentStep)))
            {
                var population = _network.Populations[p];
                ring.ConsumeSparse(ring.SlotOf(CurrentStep), population.SynapticVariable(Receptor.Excitatory),
                    population.SynapticVariable(Receptor.Inhibitory));
            }
        }

        ConsumeSparse64();

        _workers.Run(_blocks.Length, _advanceBlock);
        for (int p = 0; p < _network.Populations.Count; p++)
        {
            if (_network.Ring(p) is { } ring)
            {
                ring.Reset(ring.SlotOf(CurrentStep));
            }
            else if (_network.Ring64(p) is { } ring64)
            {
                ring64.Reset(ring64.SlotOf(CurrentStep));
            }
        }
    }

    // The float64 populations' sparse slots, as above (a dense one is consumed by the block step).
    private void ConsumeSparse64()
    {
        for (int p = 0; p < _float64.Length; p++)
        {
            if (_float64[p] is { } population && _network.Ring64(p) is { } ring
                && !ring.IsDense(ring.SlotOf(CurrentStep)))
            {
                ring.ConsumeSparse(ring.SlotOf(CurrentStep), population.SynapticVariable64(Receptor.Excitatory),
                    population.SynapticVariable64(Receptor.Inhibitory));
            }
        }
    }

    private void AdvanceBlock(int block, int thread)
    {
        var (p, start, end) = _blocks[block];
        var buffer = _blockSpikes[block];
        buffer.Clear();
        if (_float64[p] is { } float64)
        {
            var ring64 = _network.Ring64(p);
            var due64 = ring64 is not null && ring64.IsDense(ring64.SlotOf(CurrentStep))
                ? ring64.Due(ring64.SlotOf(CurrentStep), start, end)
                : default;
            float64.Advance(CurrentStep, start, end, due64, buffer);
            return;
        }

        var due = default(DueJumps<float>);
        if (_network.Ring(p) is { } ring && ring.IsDense(ring.SlotOf(CurrentStep)))
        {
            due = ring.Due(ring.SlotOf(CurrentStep), start, end);
        }

        _network.Populations[p].Advance(CurrentStep, start, end, due, buffer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectSpikes()
    {
        foreach (var spikes in _spikes)
        {
            spikes.Clear();
        }

        for (int b = 0; b < _blocks.Length; b++)
        {
            _spikes[_blocks[b].Population].AddRange(_blockSpikes[b]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PropagateSpikes()
    {
        for (int p = 0; p < _spikes.Length; p++)
        {
            var fired = _spikes[p].Indices;
            if (fired.IsEmpty)
            {
                continue;
            }

            _spikeCounts[p] += fired.Length;
            foreach (int c in _outgoing[p])
            {
                // Counted when emitted, plastic connections too (they are delivered on arrival, by ClockPlasticity).
                var connection = _network.Connections[c];
                SynapticEvents += SynapsesOf(connection, fired);
                if (!_atArrival[c])
                {
                    DeliverNow(c, fired, CurrentStep + 1 + connection.UniformDelaySteps);
                }
            }
        }
    }

    // Synapses the spikes of `fired` reach through connection c (one synaptic event each).
    private static long SynapsesOf(Connection c, ReadOnlySpan<int> fired)
    {
        if (c.IsDense)
        {
            return (long)fired.Length * c.PostSize;
        }

        long count = 0;
        foreach (int pre in fired)
        {
            count += c.RowStart![pre + 1] - c.RowStart[pre];
        }

        return count;
    }

    // Spikes of connection c that take effect at step `arrival` (without per-synapse delays) into its target's ring.
    private void DeliverNow(int c, ReadOnlySpan<int> fired, long arrival)
    {
        var connection = _network.Connections[c];
        if (_float64[connection.Target] is not null)
        {
            Deliver64(c, connection, _network.Ring64(connection.Target)!, fired, arrival);
        }
        else
        {
            Deliver(c, connection, _network.Ring(connection.Target)!, fired, arrival);
        }
    }

    // One connection's spikes into the target's ring, float32 or float64 (the same jumps in the same order,
    // (spike, synapse); a float64 ring sums them in double). Inlined into DeliverNow for float32 only (through
    // Deliver64 the float64 copy stays a call), which keeps the float32 loop as it was written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Deliver<T>(int c, Connection connection, DeliveryRing<T> ring, ReadOnlySpan<int> fired, long arrival)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (connection.IsDense)
        {
            DeliverDense(connection, ring, fired, arrival);
        }
        else
        {
            if (_shortPost[c] is { } shortPost)
            {
                DeliverSparse<ushort, T>(connection, shortPost, ring, fired, _sharedWeight[c], arrival);
            }
            else
            {
                DeliverSparse<int, T>(connection, connection.Post, ring, fired, _sharedWeight[c], arrival);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Deliver64(int c, Connection connection, DeliveryRing<double> ring, ReadOnlySpan<int> fired,
        long arrival) => Deliver(c, connection, ring, fired, arrival);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverSparse<TIndex, T>(
        Connection c, ReadOnlySpan<TIndex> posts, DeliveryRing<T> ring, ReadOnlySpan<int> fired, float? shared,
        long arrival)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var receptor = c.Receptor;
        int[] rowStart = c.RowStart!;
        int[]? delays = c.DelaySteps;
        var weights = c.Weight.AsSpan();
        int uniformSlot = ring.SlotOf(arrival);
        for (int f = 0; f < fired.Length; f++)
        {
            int pre = fired[f];
            int start = rowStart[pre], count = rowStart[pre + 1] - start;
            if (f + 1 < fired.Length)
            {
                Prefetch(posts, rowStart, fired[f + 1]);
            }

            if (delays is null && shared is float w)
            {
                ring.AddRow(receptor, uniformSlot, posts.Slice(start, count), w);
            }
            else if (delays is null)
            {
                ring.AddRow(receptor, uniformSlot, posts.Slice(start, count), weights.Slice(start, count));
            }
            else
            {
                for (int k = start; k < start + count; k++)
                {
                    ring.Add(receptor, ring.SlotOf(CurrentStep + 1 + delays[k]), int.CreateTruncating(posts[k]),
                        weights[k]);
                }
            }
        }
    }

    // Asks the cache for the next spike's row of targets while this one is delivered: rows lie at random places
    // in an array larger than the cache, and walking one takes about as long as fetching the next.
    private static unsafe void Prefetch<TIndex>(ReadOnlySpan<TIndex> posts, int[] rowStart, int pre)
        where TIndex : unmanaged
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            return;
        }

        int start = rowStart[pre], end = rowStart[pre + 1];
        fixed (TIndex* row = posts)
        {
            for (int k = start; k < end; k += 64 / sizeof(TIndex))
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + k);
            }
        }
    }

    // Post indices in 16 bits when the target has at most 65,536 neurons (the connection's int array stays the
    // reference), and the weight all synapses share (as CUBA's fixed w_e and w_i): see CompactRows.
    private ushort[]? ShortPost(Connection c) =>
        c.IsDense ? null : CompactRows.ShortIndices(c.Post!, _network.Populations[c.Target].Size);

    private static float? SharedWeight(Connection c) => c.IsDense ? null : CompactRows.SharedWeight(c.Weight!);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverDense<T>(Connection c, DeliveryRing<T> ring, ReadOnlySpan<int> fired, long arrival)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        float[] w = c.Dense!;
        int slot = ring.SlotOf(arrival);
        foreach (int pre in fired)
        {
            for (int post = 0, k = pre; post < c.PostSize; post++, k += c.PreSize)
            {
                ring.Add(c.Receptor, slot, post, w[k]);
            }
        }
    }

    // Plasticity rules see the step's spikes (post hooks now, pre hooks when the spikes arrive).
    private void Learn()
    {
        if (_plasticity is null)
        {
            return;
        }

        for (int p = 0; p < _spikes.Length; p++)
        {
            if (_spikes[p].Count > 0)
            {
                _plasticity.AfterThreshold(CurrentStep, p, _spikes[p].Indices);
            }
        }
    }

    private void Record()
    {
        if (_observers.Count == 0)
        {
            return;
        }

        for (int p = 0; p < _spikes.Length; p++)
        {
            if (_spikes[p].Count > 0)
            {
                foreach (var observer in _observers)
                {
                    observer.OnSpikes(CurrentStep, p, _spikes[p].Indices);
                }
            }
        }

        foreach (var observer in _observers)
        {
            observer.OnStepEnd(CurrentStep);
        }
    }
}
