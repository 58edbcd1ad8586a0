using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Recording;

namespace NeuroSim.Cli.EventDriven;

/// <summary>
/// State recording in an event-driven run: at each sample time t = k·interval the engine is brought to the moment
/// the clock engine samples (<see cref="EventDrivenEngine.RunBefore"/>: events before t and crossings at t, not
/// the jumps arriving at t), the analytic state of each recorded neuron (V, x_e = g_e, x_i = g_i, mV) is written
/// into its population's state arrays, and the <see cref="StateRecorder"/> bound to those arrays takes the sample
/// as after a clock step. The event run does not use the clock population's arrays otherwise (it read the initial
/// V before starting), so they serve as the sample buffer.
/// </summary>
public sealed class EventStateSampler
{
    private readonly StateRecorder _recorder;
    private readonly int _population;
    private readonly float[] _v, _ge, _gi;

    /// <summary>Samples for <paramref name="recorder"/>, which records population <paramref name="index"/>
    /// (<paramref name="population"/>, a LIF population with variables v, g_e, g_i).</summary>
    public EventStateSampler(StateRecorder recorder, int index, ISpikingPopulation population)
    {
        _recorder = recorder;
        _population = index;
        _v = population.Variable("v");
        _ge = population.Variable("g_e");
        _gi = population.Variable("g_i");
        NextStep = recorder.IntervalSteps;
    }

    /// <summary>The step count at whose end the next sample falls (time NextStep·dt).</summary>
    public long NextStep { get; private set; }

    /// <summary>Takes the sample at step count <see cref="NextStep"/> (time <paramref name="timeMs"/>); the engine
    /// must have run <see cref="EventDrivenEngine.RunBefore"/>(<paramref name="timeMs"/>).</summary>
    public void Sample(EventDrivenEngine engine, double timeMs)
    {
        foreach (int i in _recorder.Neurons)
        {
            var s = engine.StateAt(_population, i, timeMs);
            _v[i] = (float)s.V;
            _ge[i] = (float)s.XE;
            _gi[i] = (float)s.XI;
        }

        _recorder.OnStepEnd(NextStep - 1);
        NextStep += _recorder.IntervalSteps;
    }
}
