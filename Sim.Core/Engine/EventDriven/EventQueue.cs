namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// A binary min-heap of <see cref="SimEvent"/> ordered by (time, kind, insertion order): ties in time are
/// broken by kind (threshold crossings before deliveries) and then first-in first-out, so the order of
/// processing is fully determined by the network and the seed.
/// </summary>
public sealed class EventQueue
{
    private SimEvent[] _heap = new SimEvent[64];
    private long _sequence;

    /// <summary>Number of queued events (stale ones included).</summary>
    public int Count { get; private set; }

    /// <summary>Queues an event.</summary>
    public void Push(double time, EventKind kind, int a, int b)
    {
        if (Count == _heap.Length)
            Array.Resize(ref _heap, _heap.Length * 2);

        var e = new SimEvent(time, kind, _sequence++, a, b);
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(e, _heap[parent]))
                break;
            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = e;
    }

    /// <summary>The earliest event (the queue must not be empty).</summary>
    public ref readonly SimEvent Peek() => ref _heap[0];

    /// <summary>Removes and returns the earliest event (the queue must not be empty).</summary>
    public SimEvent Pop()
    {
        var top = _heap[0];
        var last = _heap[--Count];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= Count)
                break;
            if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
                child++;
            if (!Before(_heap[child], last))
                break;
            _heap[i] = _heap[child];
            i = child;
        }

        if (Count > 0)
            _heap[i] = last;
        return top;
    }

    private static bool Before(in SimEvent x, in SimEvent y)
    {
        if (x.Time != y.Time)
            return x.Time < y.Time;
        if (x.Kind != y.Kind)
            return x.Kind < y.Kind;
        return x.Sequence < y.Sequence;
    }
}
