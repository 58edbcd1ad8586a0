namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// The event queue of <see cref="SpikeTiming.Grid"/> timing, where every event falls on a step k·dt: a calendar of
/// one first-in first-out list per (step, kind) for the next <see cref="Window"/> steps, and a heap
/// (<see cref="EventQueue"/>) for events further ahead. Push and pop cost O(1) instead of the heap's O(log n),
/// and the order is the heap's exactly: by step, then kind, then insertion.
/// </summary>
/// <remarks>
/// Why the order is the same: an event goes to the heap only while its step is at least <see cref="Window"/>
/// steps ahead; it moves to its list (heap order, so first-in first-out per kind) at the moment its step enters
/// the window, before any later push can append to that list. Steps are pushed no earlier than the step being
/// drained (the engine never schedules into the past).
/// </remarks>
public sealed class GridEventQueue
{
    private const int Kinds = 5;

    private readonly int _mask;
    private readonly Entry[][] _lists;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _inStep;
    private readonly EventQueue _far = new();
    private long _current;
    private int _near;
    private bool _peeked;
    private long _peekStep;
    private EventKind _peekKind;

    /// <summary>One queued event's payload (see <see cref="EventKind"/> for what A and B mean).</summary>
    public readonly record struct Entry(int A, int B);

    /// <summary>Creates a queue whose calendar covers at least <paramref name="window"/> steps.</summary>
    public GridEventQueue(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = (int)Math.Min(1 << 20, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)window));
        _mask = Window - 1;
        _lists = new Entry[Window * Kinds][];
        for (int i = 0; i < _lists.Length; i++)
            _lists[i] = new Entry[4];
        _head = new int[_lists.Length];
        _tail = new int[_lists.Length];
        _inStep = new int[Window];
    }

    /// <summary>Steps covered by the calendar (a power of two); events further ahead wait in a heap.</summary>
    public int Window { get; }

    /// <summary>Number of queued events (stale ones included).</summary>
    public int Count => _near + _far.Count;

    /// <summary>
    /// Queues an event at step <paramref name="step"/>, which must not lie before the step of the last event
    /// popped.
    /// </summary>
    public void Push(long step, EventKind kind, int a, int b)
    {
        if (step < _current)
            throw new ArgumentOutOfRangeException(nameof(step),
                $"step {step} is before the step being drained ({_current})");
        if (_peeked && (step < _peekStep || (step == _peekStep && kind < _peekKind)))
            _peeked = false;
        if (step - _current >= Window)
            _far.Push(step, kind, a, b);
        else
            Append(step, kind, new Entry(a, b));
    }

    /// <summary>The step and kind of the earliest event, or false when the queue is empty.</summary>
    public bool TryPeek(out long step, out EventKind kind)
    {
        if (!_peeked && !FindFirst())
        {
            step = 0;
            kind = default;
            return false;
        }

        step = _peekStep;
        kind = _peekKind;
        return true;
    }

    /// <summary>Removes and returns the earliest event (<see cref="TryPeek"/> must have found one).</summary>
    public Entry Pop()
    {
        if (!_peeked && !FindFirst())
            throw new InvalidOperationException("the queue is empty");

        if (_peekStep != _current)
        {
            _current = _peekStep;
            Migrate(_current + Window - 1);
        }

        int bucket = (int)(_current & _mask);
        int list = bucket * Kinds + (int)_peekKind;
        var e = _lists[list][_head[list]++];
        _near--;
        _inStep[bucket]--;
        _peeked = _head[list] < _tail[list];
        return e;
    }

    /// <summary>
    /// Removes and returns the next event of the same step and kind as the last one <see cref="Pop"/> returned,
    /// if one is left: a caller that handles a step's events of one kind in a row skips the search for the first.
    /// </summary>
    public bool TryPopSame(out Entry e)
    {
        if (!_peeked || _peekStep != _current)
        {
            e = default;
            return false;
        }

        e = Pop();
        return true;
    }

    // Caches the first (step, kind): the calendar from the current step, else the heap's first event.
    private bool FindFirst()
    {
        if (_near > 0)
        {
            for (long s = _current; ; s++)
            {
                int bucket = (int)(s & _mask);
                if (_inStep[bucket] == 0)
                    continue;
                for (int k = 0; k < Kinds; k++)
                {
                    int list = bucket * Kinds + k;
                    if (_head[list] < _tail[list])
                        return Found(s, (EventKind)k);
                }
            }
        }

        if (_far.Count == 0)
            return false;
        ref readonly var first = ref _far.Peek();
        return Found((long)first.Time, first.Kind);
    }

    private bool Found(long step, EventKind kind)
    {
        _peeked = true;
        _peekStep = step;
        _peekKind = kind;
        return true;
    }

    private void Append(long step, EventKind kind, Entry e)
    {
        int bucket = (int)(step & _mask);
        int list = bucket * Kinds + (int)kind;
        var items = _lists[list];
        int tail = _tail[list];
        if (_head[list] == tail)
            _head[list] = tail = 0;
        else if (tail == items.Length)
            _lists[list] = items = GrowCopy(items);

        items[tail] = e;
        _tail[list] = tail + 1;
        _near++;
        _inStep[bucket]++;
    }

    private static Entry[] GrowCopy(Entry[] items)
    {
        var bigger = new Entry[items.Length * 2];
        items.CopyTo(bigger, 0);
        return bigger;
    }

    // Moves every heap event with step <= last into the calendar, in heap order.
    private void Migrate(long last)
    {
        while (_far.Count > 0 && _far.Peek().Time <= last)
        {
            var e = _far.Pop();
            Append((long)e.Time, e.Kind, new Entry(e.A, e.B));
        }
    }
}
