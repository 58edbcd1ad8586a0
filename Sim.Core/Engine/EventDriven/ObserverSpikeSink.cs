namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Feeds an event-driven run's spikes to the clock engine's observers (<see cref="ISpikeObserver"/>: recorders,
/// statistics), so both engines stream through the same recorders and channels. Spikes are grouped by step
/// (step = floor(t/dt); in grid timing exactly the clock engine's step), sorted by neuron within a population,
/// and every step gets its OnStepEnd, as in a clock run. Memory: one step's spikes.
/// </summary>
public sealed class ObserverSpikeSink : IEventSpikeSink
{
    private readonly IReadOnlyList<ISpikeObserver> _observers;
    private readonly List<int>[] _pending;
    private readonly double _dt;
    private long _step;

    /// <summary>
    /// Creates a sink for a network of <paramref name="populationCount"/> populations and step dt (ms).
    /// </summary>
    public ObserverSpikeSink(IReadOnlyList<ISpikeObserver> observers, int populationCount, double dt)
    {
        _observers = observers;
        _pending = Enumerable.Range(0, populationCount).Select(_ => new List<int>()).ToArray();
        _dt = dt;
    }

    /// <inheritdoc/>
    public void OnSpike(int population, int neuron, double time)
    {
        long step = GridStep.Containing(time, _dt);
        FlushBefore(step);
        _pending[population].Add(neuron);
    }

    /// <summary>
    /// Delivers every step before <paramref name="endStep"/> (call with the run's step count at the end).
    /// </summary>
    public void FlushBefore(long endStep)
    {
        while (_step < endStep)
        {
            for (int p = 0; p < _pending.Length; p++)
            {
                var list = _pending[p];
                if (list.Count == 0)
                    continue;

                list.Sort();
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
                foreach (var observer in _observers)
                    observer.OnSpikes(_step, p, span);
                list.Clear();
            }

            foreach (var observer in _observers)
                observer.OnStepEnd(_step);
            _step++;
        }
    }
}
