using System.Numerics;
using System.Runtime.CompilerServices;
using NeuroSim.Core.Plasticity;

namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// The event-driven engine: spikes are events in a queue ordered by delivery time, and each LIF neuron is
/// advanced analytically (<see cref="LifClosedForm"/>) from its last update to the event that touches it, so
/// the cost grows with spikes × fan-out, not neurons × steps (docs/event-driven.md).
/// </summary>
/// <remarks>
/// <para>The run, as a list of steps:</para>
/// <list type="number">
/// <item>predict: every LIF neuron's next threshold crossing (<see cref="ThresholdCrossing"/>) is queued as a
/// Crossing event tagged with the neuron's version;</item>
/// <item>pop the earliest event; at equal times crossings come first, then source spikes, then deliveries;</item>
/// <item>crossing (if its version is current) or source spike: record, reset and start the refractory period,
/// queue one delivery per outgoing projection, call post-spike plasticity hooks;</item>
/// <item>delivery: for each synapse of the presynaptic row, bring the target up to the event time and add the
/// weight to x_e or x_i (the weight as it was; then the pre-spike plasticity hook runs);</item>
/// <item>when all events at one time are done, re-predict the neurons they touched (each at most once).</item>
/// </list>
/// <para>Refractory period: V is held at V_r while x_e and x_i keep decaying and summing input. In
/// <see cref="SpikeTiming.Grid"/> timing the engine reproduces the clock engine's conventions exactly (see
/// there); in <see cref="SpikeTiming.Exact"/> timing everything happens at the exact instants.</para>
/// <para>Determinism: one thread; ties are broken by event kind and insertion order, so the same network
/// gives the same spikes.</para>
/// </remarks>
public sealed class EventDrivenEngine
{
    private const double GridEpsilon = 1e-9;

    /// <summary>
    /// Look-ahead of one prediction, in steps of dt. A neuron is searched for a crossing only this far ahead; if
    /// the bound cannot rule out a later one, a Recheck event continues the search then. Most neurons receive
    /// input before that and are re-predicted anyway, so a prediction costs O(log LookAhead) evaluations instead
    /// of a search to the end of the run.
    /// </summary>
    public const int DefaultLookAheadSteps = 32;

    /// <summary>The look-ahead of this engine, in steps (see <see cref="DefaultLookAheadSteps"/>).</summary>
    public int LookAheadSteps { get; init; } = DefaultLookAheadSteps;

    private readonly EventNetwork _net;
    private readonly SpikeTiming _timing;
    private readonly double _dt;
    private readonly int[] _offset;
    private readonly int[] _popOf;
    private readonly NeuronState[] _n;
    private readonly LifConstants[] _const;
    private readonly double[] _asymptote, _threshold;
    private readonly GridPropagator?[] _grid;

    // Per population, when every neuron shares one set of constants (one drive for all) in grid timing: the
    // constants and propagator, so a delivery reads only the target's NeuronState (null otherwise).
    private readonly LifConstants[] _popConst;
    private readonly GridPropagator?[] _popGrid;
    private readonly int[] _steppedSources;
    private readonly SpikeBuffer[] _steppedBuffers;
    private readonly int[] _dirty;
    private readonly int[][] _outgoing;
    private readonly int[][] _plasticIncoming;
    private readonly int[] _delaySteps;

    // Per projection: post indices in 16 bits (sparse, target of at most 65,536 neurons) and the weight every synapse
    // shares (sparse, no plasticity), as the clock engine keeps them: a delivery then walks 2 bytes per synapse.
    private readonly ushort[]?[] _shortPost;
    private readonly float?[] _sharedWeight;
    private readonly int[] _refractorySteps;
    private readonly EventQueue _queue = new();
    private GridEventQueue? _calendar;
    private readonly long[] _spikeCounts;
    private int _dirtyCount;
    private double _end;
    private long _endStep;
    private IEventSpikeSink? _sink;
    private IPlasticityRule[] _hooks = [];
    private long[] _hookCount = [];
    private double _now;
    private bool _ran;

    /// <summary>Prepares a run of <paramref name="network"/> with <paramref name="timing"/>.</summary>
    /// <exception cref="ArgumentException">A projection does not fit its populations, or (grid timing) a delay
    /// or refractory period is not a whole number of steps; the message names it.</exception>
    public EventDrivenEngine(EventNetwork network, SpikeTiming timing)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(network.Dt > 0))
            throw new ArgumentException($"dt must be > 0 ms (got {network.Dt} ms)", nameof(network));

        _net = network;
        _timing = timing;
        _dt = network.Dt;
        var pops = network.Populations;
        _offset = new int[pops.Count + 1];
        for (int p = 0; p < pops.Count; p++)
            _offset[p + 1] = _offset[p] + pops[p].Size;

        int n = _offset[^1];
        _popOf = new int[n];
        for (int p = 0; p < pops.Count; p++)
            Array.Fill(_popOf, p, _offset[p], pops[p].Size);

        _n = new NeuronState[n];
        _const = new LifConstants[n];
        for (int p = 0; p < pops.Count; p++)
        {
            if (pops[p].Lif is not { } c)
                continue;
            for (int i = 0; i < pops[p].Size; i++)
                _const[_offset[p] + i] = pops[p].Drive is { } d ? c with { Drive = d[i] } : c;
        }

        _asymptote = _const.Select(c => c.Asymptote).ToArray();
        _threshold = _const.Select(c => c.Threshold).ToArray();
        _grid = new GridPropagator?[n];
        if (timing == SpikeTiming.Grid)
        {
            var tables = new List<GridPropagator>();
            for (int g = 0; g < n; g++)
            {
                if (!pops[_popOf[g]].IsLif)
                    continue;
                var c = _const[g];
                var table = tables.FirstOrDefault(t => t.Serves(c, _dt));
                if (table is null)
                    tables.Add(table = new GridPropagator(c, _dt));
                _grid[g] = table;
            }
        }

        // A per-neuron drive that is the same for every neuron (e.g. none, as the clock network's view gives it)
        // is a shared constant too: those populations get their first neuron's constants and table.
        _popGrid = Enumerable.Range(0, pops.Count)
            .Select(p => pops[p].IsLif && pops[p].Size > 0 && HasSharedDrive(pops[p]) ? _grid[_offset[p]] : null)
            .ToArray();
        _popConst = Enumerable.Range(0, pops.Count)
            .Select(p => _popGrid[p] is null ? default : _const[_offset[p]]).ToArray();
        _steppedSources = Enumerable.Range(0, pops.Count).Where(p => pops[p].Stepped is not null).ToArray();
        _steppedBuffers = pops.Select(p => new SpikeBuffer(p.Stepped is null ? 0 : p.Size)).ToArray();
        _dirty = new int[n];
        _spikeCounts = new long[pops.Count];
        _refractorySteps = pops.Select(p => p.IsLif ? WholeSteps(p.Refractory, $"{p.Name}: t_ref") : 0).ToArray();

        var projs = network.Projections;
        _delaySteps = projs.Select(pr => WholeSteps(pr.Delay, $"projection {pr.Name}: delay")).ToArray();
        for (int c = 0; c < projs.Count; c++)
            Check(projs[c]);
        // Only where DeliverUniform reads them: grid timing, sparse, a target with shared constants.
        _shortPost = projs.Select(pr => pr.IsDense || _popGrid[pr.Target] is null
            ? null
            : CompactRows.ShortIndices(pr.Post!, pr.PostSize)).ToArray();
        _sharedWeight = projs.Select(pr => pr.IsDense || pr.Rule is not null
            ? null
            : CompactRows.SharedWeight(pr.Weights)).ToArray();
        _outgoing = Enumerable.Range(0, pops.Count)
            .Select(p => Enumerable.Range(0, projs.Count).Where(c => projs[c].Source == p).ToArray()).ToArray();
        _plasticIncoming = Enumerable.Range(0, pops.Count)
            .Select(p => Enumerable.Range(0, projs.Count).Where(c => projs[c].Target == p && projs[c].Rule is not null)
                .ToArray()).ToArray();
    }

    /// <summary>Spikes per population so far.</summary>
    public IReadOnlyList<long> SpikeCounts => _spikeCounts;

    /// <summary>Synaptic events delivered so far (one per synapse per presynaptic spike).</summary>
    public long SynapticEvents { get; private set; }

    /// <summary>Events taken from the queue so far (stale predictions included).</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Look-ahead rechecks processed so far.</summary>
    public long Rechecks { get; private set; }

    /// <summary>Threshold-crossing searches run so far.</summary>
    public long Predictions { get; private set; }

    /// <summary>
    /// Runs from t = 0 for <paramref name="duration"/> ms (grid timing: round(duration/dt) steps), sending every
    /// spike to <paramref name="sink"/>. An engine runs once.
    /// </summary>
    public void Run(double duration, IEventSpikeSink? sink)
    {
        Start(duration, sink);
        RunUntil(_end);
        Finish();
    }

    /// <summary>Biological time reached (ms): every event up to it has been processed.</summary>
    public double TimeMs { get; private set; }

    /// <summary>
    /// Prepares a run of <paramref name="duration"/> ms (grid timing: round(duration/dt) steps) that sends every
    /// spike to <paramref name="sink"/>; then <see cref="RunUntil"/> advances it and <see cref="Finish"/> ends it.
    /// </summary>
    public void Start(double duration, IEventSpikeSink? sink)
    {
        if (_ran)
            throw new InvalidOperationException("an EventDrivenEngine runs once; create a new one");
        _ran = true;
        _sink = sink;
        _endStep = (long)Math.Round(duration / _dt);
        _end = _timing == SpikeTiming.Grid ? _endStep * _dt : duration;
        _hooks = _net.Projections.Select(pr => pr.Rule).OfType<IPlasticityRule>()
            .Where(r => !double.IsPositiveInfinity(r.StepInterval)).ToArray();
        _hookCount = new long[_hooks.Length];
        if (_timing == SpikeTiming.Grid)
        {
            // Deliveries, predictions (refractory + look-ahead) and source steps fall this far ahead at most.
            int ahead = 2 + LookAheadSteps + _delaySteps.DefaultIfEmpty(0).Max()
                + _refractorySteps.DefaultIfEmpty(0).Max();
            _calendar = new GridEventQueue(Math.Min(ahead, 1 << 14));
        }

        // Rules are bound here, not when the engine is built: IPlasticityRule.Bind is called once, just before the
        // run, so an engine that is built and never run leaves a rule (maybe shared with another engine) alone.
        BindRules();

        InitializeNeurons();

        QueueSourceSpikes();
    }

    /// <summary>Processes every event up to <paramref name="timeMs"/> (capped at the run's end).</summary>
    public void RunUntil(double timeMs)
    {
        if (!_ran)
            throw new InvalidOperationException("Start must run before RunUntil");
        ProcessEvents(Math.Min(timeMs, _end));
        TimeMs = Math.Max(TimeMs, Math.Min(timeMs, _end));
    }

    /// <summary>
    /// Processes every event before <paramref name="timeMs"/> and the threshold crossings (and look-ahead rechecks)
    /// at it, but not the source spikes or deliveries at it: the moment at which the clock engine samples state at
    /// the end of the step that ends at <paramref name="timeMs"/> (its jumps due then are added in the next step).
    /// Then <see cref="StateAt(int, int, double)"/> gives that sample. A later <see cref="RunUntil"/> goes on.
    /// </summary>
    public void RunBefore(double timeMs)
    {
        if (!_ran)
            throw new InvalidOperationException("Start must run before RunBefore");
        ProcessEvents(Math.Min(timeMs, _end), stopBeforeSpikesAtLimit: true);
    }

    /// <summary>
    /// The state (V, x_e, x_i in mV; x are the file's g_e, g_i) of LIF neuron <paramref name="neuron"/> of
    /// population <paramref name="population"/> at <paramref name="timeMs"/>, advanced analytically from its last
    /// event. Valid when every event touching the neuron before <paramref name="timeMs"/> has been processed and
    /// none after (e.g. right after <see cref="RunBefore"/> with the same time); in grid timing
    /// <paramref name="timeMs"/> is rounded to the grid.
    /// </summary>
    public LifState StateAt(int population, int neuron, double timeMs)
    {
        if ((uint)population >= (uint)_net.Populations.Count || !_net.Populations[population].IsLif)
            throw new ArgumentException($"population {population} is not a LIF population", nameof(population));
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(neuron, _net.Populations[population].Size);
        int g = _offset[population] + neuron;
        if (timeMs < _n[g].TLast - GridEpsilon * _dt)
            throw new InvalidOperationException(
                $"neuron {neuron} of population {population} was last updated at {_n[g].TLast} ms, after {timeMs} ms");
        return StateAt(g, _const[g], Math.Max(timeMs, _n[g].TLast));
    }

    /// <summary>Advances by <paramref name="steps"/> grid steps (for progress reporting in chunks).</summary>
    public void AdvanceSteps(long steps) => RunUntil((Math.Round(TimeMs / _dt) + steps) * _dt);

    /// <summary>
    /// Runs the step hooks due by the end of the run; call once after the last <see cref="RunUntil"/>.
    /// </summary>
    public void Finish() => RunHooks(_hooks, _hookCount, _end, EventKind.Delivery);

    /// <summary>
    /// The state of LIF neuron <paramref name="neuron"/> of population <paramref name="population"/> at time
    /// <paramref name="t"/>, after a run that ended at or after the neuron's last event before t and no later
    /// than t (diagnostics and tests).
    /// </summary>
    internal LifState StateOf(int population, int neuron, double t)
    {
        int g = _offset[population] + neuron;
        return StateAt(g, _const[g], t);
    }

    private void BindRules()
    {
        foreach (var proj in _net.Projections)
            proj.Rule?.Bind(proj.ToPlastic());
    }

    private void InitializeNeurons()
    {
        for (int p = 0; p < _net.Populations.Count; p++)
        {
            var pop = _net.Populations[p];
            if (!pop.IsLif)
                continue;

            for (int i = 0; i < pop.Size; i++)
            {
                int g = _offset[p] + i;
                _n[g].V = pop.InitialV[i];
                _n[g].TFree = double.NegativeInfinity;
                _n[g].KFree = long.MinValue;
                MarkDirty(g);
            }
        }
    }

    private void QueueSourceSpikes()
    {
        for (int p = 0; p < _net.Populations.Count; p++)
        {
            var times = _net.Populations[p].SpikeTimes;
            if (times is null)
                continue;

            for (int i = 0; i < times.Length; i++)
                if (times[i].Length > 0)
                    Push(SourceTime(p, i, 0), EventKind.SourceSpike, _offset[p] + i, 0);
        }

        if (_steppedSources.Length > 0 && _endStep > 0)
            Push(0, EventKind.SourceStep, 0, 0);
    }

    // Clock-stepped sources: step n runs at t_n and its spikes are stamped t_n, as in the clock engine.
    private void StepSources(long n)
    {
        foreach (int p in _steppedSources)
        {
            var buffer = _steppedBuffers[p];
            buffer.Clear();
            var source = _net.Populations[p].Stepped!;
            source.Advance(n, 0, source.Size, default, buffer);
            foreach (int i in buffer.Indices)
                Emit(p, i, n * _dt);
        }

        if (n + 1 < _endStep)
            Push((n + 1) * _dt, EventKind.SourceStep, 0, 0);
    }

    // Queues an event at `time` (grid timing: a grid time, queued by its step).
    private void Push(double time, EventKind kind, int a, int b)
    {
        if (_calendar is { } calendar)
            calendar.Push(Steps(time), kind, a, b);
        else
            _queue.Push(time, kind, a, b);
    }

    private void ProcessEvents(double limit, bool stopBeforeSpikesAtLimit = false)
    {
        double bound = limit + GridEpsilon * _dt;
        double spikesBefore = stopBeforeSpikesAtLimit ? limit - GridEpsilon * _dt : double.PositiveInfinity;
        if (_calendar is { } calendar)
        {
            while (true)
            {
                bool any = calendar.TryPeek(out long step, out var kind);
                if (_dirtyCount > 0 && (!any || step * _dt != _now))
                {
                    PredictDirty(_now);
                    any = calendar.TryPeek(out step, out kind);
                }

                double time = step * _dt;
                if (!any || time > bound || (kind > EventKind.Recheck && time >= spikesBefore))
                    break;

                var e = calendar.Pop();
                Handle(time, kind, e.A, e.B);
                while (calendar.TryPopSame(out e))
                    Dispatch(time, kind, e.A, e.B);
            }

            return;
        }

        while (true)
        {
            if (_dirtyCount > 0 && (_queue.Count == 0 || _queue.Peek().Time != _now))
                PredictDirty(_now);
            if (_queue.Count == 0 || _queue.Peek().Time > bound)
                break;
            if (_queue.Peek().Kind > EventKind.Recheck && _queue.Peek().Time >= spikesBefore)
                break;

            var e = _queue.Pop();
            Handle(e.Time, e.Kind, e.A, e.B);
        }
    }

    private void Handle(double time, EventKind kind, int a, int b)
    {
        if (_hooks.Length > 0)
            RunHooks(_hooks, _hookCount, time, kind);
        _now = time;
        Dispatch(time, kind, a, b);
    }

    // One event, after the step hooks due before its (time, kind) have run.
    private void Dispatch(double time, EventKind kind, int a, int b)
    {
        EventsProcessed++;
        switch (kind)
        {
            case EventKind.Crossing:
                if (b == _n[a].Version)
                    FireLif(a, time);
                break;
            case EventKind.Recheck:
                if (b == _n[a].Version)
                {
                    Rechecks++;
                    Predict(a, time, Steps(time));
                }

                break;
            case EventKind.SourceSpike:
                FireSource(a, b, time);
                break;
            case EventKind.SourceStep:
                StepSources(Steps(time));
                break;
            default:
                if (time < _end - GridEpsilon * _dt)
                    Deliver(a, b, time);
                break;
        }
    }

    // A step hook at time T runs after the crossings at T and before the source spikes and deliveries at T: the
    // clock engine calls it at the end of the step whose spikes those crossings are.
    private static void RunHooks(IPlasticityRule[] hooks, long[] count, double time, EventKind kind)
    {
        for (int r = 0; r < hooks.Length; r++)
        {
            double interval = hooks[r].StepInterval;
            double next = (count[r] + 1) * interval;
            while (next < time || (next == time && kind > EventKind.Recheck))
            {
                count[r]++;
                hooks[r].OnStep(next, interval);
                next = (count[r] + 1) * interval;
            }
        }
    }

    private void FireLif(int g, double t)
    {
        int p = _popOf[g];
        var pop = _net.Populations[p];
        double label = _timing == SpikeTiming.Grid ? (Math.Round(t / _dt) - 1) * _dt : t;
        if (_timing == SpikeTiming.Grid && label > (_endStep - 1) * _dt + GridEpsilon * _dt)
            return;

        Touch(g, t);
        _n[g].V = pop.Reset;
        _n[g].TFree = _timing == SpikeTiming.Grid
            ? (Math.Round(label / _dt) + Math.Max(_refractorySteps[p], 1)) * _dt
            : t + pop.Refractory;
        _n[g].KFree = _timing == SpikeTiming.Grid ? Steps(_n[g].TFree) : 0;
        MarkDirty(g);
        Emit(p, g - _offset[p], label);
    }

    private void FireSource(int g, int index, double t)
    {
        int p = _popOf[g];
        int i = g - _offset[p];
        if (t < _end - GridEpsilon * _dt)
            Emit(p, i, t);

        // A neuron fires once per instant (grid timing: once per step, as in the clock engine), so a time listed
        // twice is one spike.
        int next = index + 1, count = _net.Populations[p].SpikeTimes![i].Length;
        while (next < count && SourceTime(p, i, next) == t)
            next++;
        if (next < count)
            Push(SourceTime(p, i, next), EventKind.SourceSpike, g, next);
    }

    private void Emit(int p, int neuron, double label)
    {
        _spikeCounts[p]++;
        _sink?.OnSpike(p, neuron, label);
        foreach (int c in _outgoing[p])
        {
            if (_calendar is { } calendar)
                calendar.Push((long)Math.Round(label / _dt) + 1 + _delaySteps[c], EventKind.Delivery, c, neuron);
            else
                _queue.Push(label + _net.Projections[c].Delay, EventKind.Delivery, c, neuron);
        }

        foreach (int c in _plasticIncoming[p])
            _net.Projections[c].Rule!.OnPostSpike(neuron, label);
    }

    private void Deliver(int c, int pre, double t)
    {
        var proj = _net.Projections[c];
        int offset = _offset[proj.Target];
        bool inhibitory = proj.Inhibitory;
        float scale = proj.Scale;
        float[] w = proj.Weights;
        if (proj.IsDense)
        {
            int stride = proj.PreSize;
            for (int j = 0; j < proj.PostSize; j++)
                AddInput(offset + j, inhibitory, w[j * stride + pre] * scale, t);
            SynapticEvents += proj.PostSize;
        }
        else if (_timing == SpikeTiming.Grid && _popGrid[proj.Target] is { } grid)
        {
            if (_shortPost[c] is { } post16)
                DeliverUniform<ushort>(proj, post16, _sharedWeight[c], pre, t, grid, _popConst[proj.Target]);
            else
                DeliverUniform<int>(proj, proj.Post!, _sharedWeight[c], pre, t, grid, _popConst[proj.Target]);
        }
        else if (_timing == SpikeTiming.Grid)
        {
            long kt = Steps(t);
            int[] post = proj.Post!;
            int end = proj.RowStart![pre + 1];
            for (int k = proj.RowStart[pre]; k < end; k++)
            {
                int g = offset + post[k];
                TouchStep(g, kt, t);
                if (inhibitory)
                    _n[g].XI += w[k] * scale;
                else
                    _n[g].XE += w[k] * scale;
                MarkDirty(g);
            }

            SynapticEvents += end - proj.RowStart[pre];
        }
        else
        {
            int[] post = proj.Post!;
            int end = proj.RowStart![pre + 1];
            for (int k = proj.RowStart[pre]; k < end; k++)
                AddInput(offset + post[k], inhibitory, w[k] * scale, t);
            SynapticEvents += end - proj.RowStart[pre];
        }

        proj.Rule?.OnPreSpike(pre, t);
    }

    // Grid timing, a sparse projection onto a population with shared constants: the loop of Deliver with the
    // constants and propagator hoisted, so each synapse touches one NeuronState (one cache line) and a table row.
    // Post indices come as int or ushort (TIndex); a shared weight is used without reading the weight array.
    private void DeliverUniform<TIndex>(EventProjection proj, TIndex[] post, float? shared, int pre, double t,
        GridPropagator grid, in LifConstants c)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        long kt = Steps(t);
        int offset = _offset[proj.Target];
        bool inhibitory = proj.Inhibitory;
        float scale = proj.Scale;
        float[] w = proj.Weights;
        bool isShared = shared.HasValue;
        float sharedJump = shared.GetValueOrDefault() * scale;
        int end = proj.RowStart![pre + 1];
        // The constants in locals and the state in registers: the loop is the event engine's hottest code.
        double a = c.Asymptote, threshold = c.Threshold;
        var rows = grid.Rows;
        var states = _n;
        for (int k = proj.RowStart[pre]; k < end; k++)
        {
            int g = offset + int.CreateTruncating(post[k]);
            ref var n = ref states[g];
            double v = n.V, xe = n.XE, xi = n.XI;
            long last = n.KLast;
            if (kt > last)
            {
                long steps = kt - last;
                if (n.KFree <= last && steps <= GridPropagator.TableSteps)
                {
                    // GridPropagator.Advance on the locals.
                    ref readonly var r = ref rows[steps];
                    v = GridPropagator.AdvanceV(a, v, xe, xi, r);
                    xe *= r.Ee;
                    xi *= r.Ei;
                }
                else
                {
                    var s = StateAtStep(n, c, grid, kt);
                    (v, xe, xi) = (s.V, s.XE, s.XI);
                }

                n.V = v;
                n.TLast = t;
                n.KLast = kt;
            }

            float jump = isShared ? sharedJump : w[k] * scale;
            if (inhibitory)
                xi += jump;
            else
                xe += jump;
            n.XE = xe;
            n.XI = xi;
            if (n.Dirty)
                continue;

            // Any queued prediction is stale now. If the bound of PredictDirty's fast path already rules out a
            // crossing, the neuron needs no prediction (a later input at this instant re-checks with the final
            // state), so it is not queued for one: the check runs here, while its state is in cache.
            n.Version++;
            if (!CannotFire(v, a + Math.Max(xe, 0) + Math.Max(xi, 0), threshold))
            {
                n.Dirty = true;
                _dirty[_dirtyCount++] = g;
            }
        }

        SynapticEvents += end - proj.RowStart[pre];
    }

    private void AddInput(int g, bool inhibitory, float jump, double t)
    {
        Touch(g, t);
        if (inhibitory)
            _n[g].XI += jump;
        else
            _n[g].XE += jump;
        MarkDirty(g);
    }

    private void MarkDirty(int g)
    {
        if (_n[g].Dirty)
            return;
        _n[g].Dirty = true;
        _n[g].Version++;
        _dirty[_dirtyCount++] = g;
    }

    // Brings neuron g's stored state to time t ≥ its last update (no input in between).
    private void Touch(int g, double t)
    {
        if (_timing == SpikeTiming.Grid)
        {
            TouchStep(g, Steps(t), t);
            return;
        }

        double last = _n[g].TLast;
        if (t <= last)
            return;

        var s = StateAt(g, _const[g], t);
        _n[g].V = s.V;
        _n[g].XE = s.XE;
        _n[g].XI = s.XI;
        _n[g].TLast = t;
    }

    // Grid timing: brings neuron g to step kt (time t = kt·dt) with the tabulated propagator.
    private void TouchStep(int g, long kt, double t)
    {
        if (kt <= _n[g].KLast)
            return;

        var s = StateAtStep(g, _const[g], kt);
        _n[g].V = s.V;
        _n[g].XE = s.XE;
        _n[g].XI = s.XI;
        _n[g].TLast = t;
        _n[g].KLast = kt;
    }

    private LifState StateAtStep(int g, in LifConstants c, long kt) => StateAtStep(_n[g], c, _grid[g]!, kt);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LifState StateAtStep(in NeuronState n, in LifConstants c, GridPropagator grid, long kt)
    {
        var s = new LifState(n.V, n.XE, n.XI);
        long kl = n.KLast, kf = n.KFree;
        if (kf <= kl)
            return grid.Advance(c, s, kt - kl);

        s = grid.Decay(s, Math.Min(kt, kf) - kl);
        return kt <= kf ? s : grid.Advance(c, s, kt - kf);
    }

    private LifState StateAt(int g, in LifConstants c, double t)
    {
        if (_timing == SpikeTiming.Grid)
            return StateAtStep(g, c, Steps(t));

        double last = _n[g].TLast;
        var s = new LifState(_n[g].V, _n[g].XE, _n[g].XI);
        double free = _n[g].TFree;

        if (free <= last)
            return LifClosedForm.Advance(c, s, t - last);

        // Refractory at `last`: V held at V_r until `free`, the synaptic variables decay throughout.
        double held = Math.Min(t, free) - last;
        s = new LifState(s.V, s.XE * Math.Exp(-held / c.TauE), s.XI * Math.Exp(-held / c.TauI));
        return t <= free ? s : LifClosedForm.Advance(c, s, t - free);
    }

    private long Steps(double t) => (long)Math.Round(t / _dt);

    private static bool HasSharedDrive(EventPopulation pop)
    {
        if (pop.Drive is not { } d)
            return true;
        for (int i = 1; i < d.Length; i++)
            if (d[i] != d[0])
                return false;
        return true;
    }

    private void PredictDirty(double now)
    {
        long nowStep = _timing == SpikeTiming.Grid ? Steps(now) : 0;
        for (int d = 0; d < _dirtyCount; d++)
        {
            int g = _dirty[d];
            _n[g].Dirty = false;

            // Fast path: the bound over the whole future (V ≤ max(V, A + x_e⁺ + x_i⁺); V_r < V_t while refractory)
            // rules out any crossing, so no prediction is needed until the next input.
            if (CannotFire(_n[g].V, _asymptote[g] + Math.Max(_n[g].XE, 0) + Math.Max(_n[g].XI, 0), _threshold[g]))
                continue;

            Predict(g, now, nowStep);
        }

        _dirtyCount = 0;
    }

    // Queues neuron g's next crossing or recheck, from instant `now` (grid timing: step `nowStep`).
    private void Predict(int g, double now, long nowStep)
    {
        if (_timing == SpikeTiming.Exact)
            Predict(g, now);
        else if (_popGrid[_popOf[g]] is { } grid)
            PredictOnGrid(ref _n[g], g, nowStep, grid, _popConst[_popOf[g]]);
        else
            PredictOnGrid(ref _n[g], g, nowStep, _grid[g]!, _const[g]);
    }

    // Exact timing: the first crossing after max(now, end of the refractory period), within the look-ahead.
    private void Predict(int g, double now)
    {
        Predictions++;
        ref readonly var c = ref _const[g];
        double start = Math.Max(now, _n[g].TFree);
        var s = StateAt(g, c, start);
        double window = Math.Min(_end - start, LookAheadSteps * _dt);
        double r = ThresholdCrossing.First(c, s, window);
        if (!double.IsPositiveInfinity(r))
            _queue.Push(start + r, EventKind.Crossing, g, _n[g].Version);
        else if (start + window < _end && !CannotFire(c, LifClosedForm.Advance(c, s, window)))
            _queue.Push(start + window, EventKind.Recheck, g, _n[g].Version);
    }

    // Grid timing: the first grid point strictly after the start step (now, or the end of the refractory period)
    // where V ≥ V_t. A crossing between two grid points that falls back below before the next one is not a spike
    // (the clock engine never sees it).
    private void PredictOnGrid(ref NeuronState n, int g, long nowStep, GridPropagator grid, in LifConstants c)
    {
        Predictions++;
        long ks = Math.Max(nowStep, n.KFree);
        double v = n.V, xe = n.XE, xi = n.XI;
        if (ks != n.KLast)
            (v, xe, xi) = StateAtStep(n, c, grid, ks);
        long steps = Math.Min(_endStep - ks, LookAheadSteps);

        // Most predictions end here: FirstCrossing's own first test, the bound over the whole look-ahead, stays
        // below V_t, so only the recheck at its end is left to decide, from the state there (the same formulas, on
        // the neuron's values). Tested through the engines' agreement (Float64AgreementTests).
        if (steps == LookAheadSteps && steps <= GridPropagator.TableSteps)
        {
            ref readonly var r = ref grid.Rows[steps];
            double a = c.Asymptote, threshold = c.Threshold;
            if (GridPropagator.UpperBound(a, v, xe, xi, r.Em, r.Ee, r.Ei) < threshold)
            {
                double vEnd = GridPropagator.AdvanceV(a, v, xe, xi, r), xeEnd = xe * r.Ee, xiEnd = xi * r.Ei;
                if (ks + steps < _endStep && !CannotFire(vEnd, a + Math.Max(xeEnd, 0) + Math.Max(xiEnd, 0), threshold))
                    _calendar!.Push(ks + steps, EventKind.Recheck, g, n.Version);
                return;
            }
        }

        var s = new LifState(v, xe, xi);
        long k = grid.FirstCrossing(c, s, steps);
        if (k > 0)
            _calendar!.Push(ks + k, EventKind.Crossing, g, n.Version);
        else if (ks + steps < _endStep && !CannotFire(c, grid.Advance(c, s, steps)))
            _calendar!.Push(ks + steps, EventKind.Recheck, g, n.Version);
    }

    // True when no input-free future of `s` reaches threshold (the bound over an infinite horizon).
    private static bool CannotFire(in LifConstants c, in LifState s) =>
        CannotFire(s.V, c.Asymptote + Math.Max(s.XE, 0) + Math.Max(s.XI, 0), c.Threshold);

    // V stays below W(t) = W∞ + (V − W∞)·e^(−t/τ_m), W∞ = A + x_e⁺ + x_i⁺, which approaches W∞ but never reaches it:
    // a neuron below threshold with W∞ ≤ V_t never fires — exactly at rheobase (W∞ = V_t) included, where the
    // rounded closed form would reach V_t after a long wait and fire. V equal to V_t counts as below: with W∞ < V_t
    // it falls at once (as in the clock engine), and with W∞ = V_t it can only have got there by rounding (the true
    // V approaches V_t from below). An initial V set exactly at V_t on a neuron exactly at rheobase is taken the
    // same way (the clock engine, which tests V after each step, may fire it there).
    private static bool CannotFire(double v, double wInf, double threshold) => v <= threshold && wInf <= threshold;

    private double SourceTime(int p, int neuron, int index)
    {
        double t = _net.Populations[p].SpikeTimes![neuron][index];
        if (_timing == SpikeTiming.Exact)
            return t;

        double k = Math.Round(t / _dt);
        if (Math.Abs(k * _dt - t) > GridEpsilon * Math.Max(1, Math.Abs(t)))
            throw new ArgumentException(
                $"{_net.Populations[p].Name}: spike time {t} ms of neuron {neuron} is not on the {_dt} ms grid; " +
                "use exact spike timing for off-grid input");
        return k * _dt;
    }

    private int WholeSteps(double ms, string what)
    {
        if (_timing == SpikeTiming.Exact)
            return 0;

        double steps = ms / _dt;
        long k = (long)Math.Round(steps);
        if (Math.Abs(steps - k) > 1e-6)
            throw new ArgumentException($"{what} must be a whole number of steps of dt = {_dt} ms (got {ms} ms)");
        return (int)k;
    }

    private void Check(EventProjection proj)
    {
        var pops = _net.Populations;
        if (proj.Source < 0 || proj.Source >= pops.Count || proj.Target < 0 || proj.Target >= pops.Count)
            throw new ArgumentException($"projection {proj.Name}: source or target index out of range");
        if (!pops[proj.Target].IsLif)
            throw new ArgumentException($"projection {proj.Name}: target '{pops[proj.Target].Name}' takes no input");
        if (proj.PreSize != pops[proj.Source].Size || proj.PostSize != pops[proj.Target].Size)
            throw new ArgumentException($"projection {proj.Name}: sizes do not match its populations");
    }
}
