namespace NeuroSim.Core.Engine;

/// <summary>
/// A fixed team of threads that runs one phase of work per step: the caller and N − 1 worker threads meet at
/// a barrier, each does its share, and they meet again. Nothing is allocated per step.
/// </summary>
/// <remarks>
/// Work item w goes to thread w mod N. Which thread does an item never changes what the item computes
/// (blocks of neurons are independent within a step), so results do not depend on N.
/// </remarks>
internal sealed class StepWorkers : IDisposable
{
    private readonly Barrier _barrier;
    private readonly Thread[] _threads;
    private Action<int, int>? _phase;
    private int _items;
    private volatile bool _stopping;
    private Exception? _failure;

    /// <summary>Starts <paramref name="threads"/> − 1 background threads (none for 1).</summary>
    public StepWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Count = threads;
        _barrier = new Barrier(threads);
        _threads = new Thread[threads - 1];
        for (int t = 1; t < threads; t++)
        {
            int id = t;
            _threads[t - 1] = new Thread(() => Loop(id)) { IsBackground = true, Name = $"neurosim-step-{id}" };
            _threads[t - 1].Start();
        }
    }

    /// <summary>Number of threads, the caller's included.</summary>
    public int Count { get; }

    /// <summary>Runs <paramref name="work"/>(item, thread) for items 0 .. <paramref name="items"/> − 1 and
    /// returns when all are done. <paramref name="work"/> should be a cached delegate (no per-step
    /// allocation).</summary>
    public void Run(int items, Action<int, int> work)
    {
        if (Count == 1)
        {
            for (int i = 0; i < items; i++)
            {
                work(i, 0);
            }

            return;
        }

        _phase = work;
        _items = items;
        _barrier.SignalAndWait();
        Share(0);
        _barrier.SignalAndWait();
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("a simulation worker thread failed: " + failure.Message, failure);
        }
    }

    public void Dispose()
    {
        if (Count > 1 && !_stopping)
        {
            _stopping = true;
            _barrier.SignalAndWait();
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }

        _barrier.Dispose();
    }

    private void Loop(int id)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            try
            {
                Share(id);
            }
            catch (Exception ex)
            {
                _failure = ex;
            }

            _barrier.SignalAndWait();
        }
    }

    private void Share(int id)
    {
        for (int i = id; i < _items; i += Count)
        {
            _phase!(i, id);
        }
    }
}
