using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// Constant-current inputs switched on and off at whole steps: the network file's <c>inputs</c> of kind
/// <c>current</c>, each injecting its amplitude into its target from step round(start/dt) until step
/// round(stop/dt). The engine applies the changes due before advancing each step.
/// </summary>
public sealed class CurrentSchedule
{
    private readonly List<(long Step, ICurrentTarget Target, double AmplitudePa, IReadOnlyList<int>? Neurons)> _changes
        = [];

    private int _next;

    /// <summary>Adds a current of <paramref name="amplitudePa"/> on [start, stop) steps.</summary>
    public void Add(ICurrentTarget target, double amplitudePa, long startStep, long stopStep,
        IReadOnlyList<int>? neurons)
    {
        if (stopStep <= startStep)
        {
            return;
        }

        _changes.Add((startStep, target, amplitudePa, neurons));
        if (stopStep < long.MaxValue)
        {
            _changes.Add((stopStep, target, -amplitudePa, neurons));
        }

        _changes.Sort((a, b) => a.Step.CompareTo(b.Step));
    }

    /// <summary>The steps at which a current switches on or off (read by the event-driven engine).</summary>
    public IEnumerable<long> ChangeSteps => _changes.Select(c => c.Step);

    /// <summary>Number of on/off changes.</summary>
    public int Count => _changes.Count;

    /// <summary>Applies every change due at or before <paramref name="step"/> that has not been applied yet.</summary>
    public void ApplyDue(long step)
    {
        while (_next < _changes.Count && _changes[_next].Step <= step)
        {
            var (_, target, amplitude, neurons) = _changes[_next++];
            target.AddCurrent(amplitude, neurons);
        }
    }

    /// <summary>Builds the schedule of <paramref name="spec"/>'s inputs for the given populations.</summary>
    public static CurrentSchedule From(NetworkSpec spec, IReadOnlyList<ISpikingPopulation> populations)
    {
        var schedule = new CurrentSchedule();
        double dt = spec.Simulation.Dt;
        foreach (var input in spec.Inputs)
        {
            var population = populations.First(p => p.Name == input.Target);
            if (population is not ICurrentTarget target)
            {
                throw new NetworkValidationException([new SpecError(spec.FileName, $"$.inputs[{input.Index}].target",
                    null, "a current input needs a population that takes current (e.g. lif)", input.Target)]);
            }

            long start = (long)Math.Round(input.Start / dt);
            long stop = double.IsFinite(input.Stop) ? (long)Math.Round(input.Stop / dt) : long.MaxValue;
            schedule.Add(target, input.Amplitude, start, stop, input.Neurons);
        }

        return schedule;
    }
}
