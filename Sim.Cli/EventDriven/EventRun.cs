using System.Diagnostics;
using NeuroSim.Cli.Output;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Plasticity;
using NeuroSim.Core.Recording;
using NeuroSim.Neurons.EventDriven;

namespace NeuroSim.Cli.EventDriven;

/// <summary>
/// `neurosim run --engine event`: runs a built network with the event-driven engine, in grid timing (the clock
/// engine's conventions, so the result matches it) or exact timing (off-grid crossings and input times), streaming
/// spikes to the same observers (recorders, statistics) through <see cref="ObserverSpikeSink"/> (and, in exact
/// timing, their exact times to a <see cref="TimedSpikeFile"/>), sampling state through
/// <see cref="EventStateSampler"/>, with the same progress bar.
/// </summary>
public static class EventRun
{
    /// <summary>What an event run writes to besides its observers.</summary>
    /// <param name="Timing">Grid or exact spike timing.</param>
    /// <param name="TimedSpikePath">Where a <see cref="TimedSpikeFile"/> of the exact spike times of the populations
    /// flagged in <paramref name="Recorded"/> goes (null: none).</param>
    /// <param name="Recorded">Per population: whether its spikes are recorded.</param>
    /// <param name="StateRecorders">State recorders of LIF populations, with each one's population index.</param>
    public sealed record Outputs(SpikeTiming Timing, string? TimedSpikePath, IReadOnlyList<bool> Recorded,
        IReadOnlyList<(StateRecorder Recorder, int Population)> StateRecorders);

    /// <summary>Simulates <paramref name="steps"/> steps; returns (simulation seconds, synaptic events).
    /// <paramref name="delayMs"/>: each connection's delay in ms, for exact timing (default: whole steps).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled (Ctrl-C).</exception>
    public static (double Seconds, long SynapticEvents) Simulate(SimulationNetwork network, long steps,
        IReadOnlyList<ISpikeObserver> observers, Outputs outputs, Func<int, IPlasticityRule?>? rules = null,
        Func<int, double>? delayMs = null, CancellationToken cancel = default)
    {
        var view = EventNetworkFactory.From(network, rules, delayMs);
        var engine = new EventDrivenEngine(view, outputs.Timing);
        var sink = new ObserverSpikeSink(observers, view.Populations.Count, network.Dt);
        using var timed = outputs.TimedSpikePath is { } path ? new TimedSpikeFile(path, outputs.Recorded, sink) : null;
        IEventSpikeSink first = timed is null ? sink : timed;
        var samplers = outputs.StateRecorders
            .Select(r => new EventStateSampler(r.Recorder, r.Population, network.Populations[r.Population]))
            .ToList();
        var clock = Stopwatch.StartNew();
        engine.Start(steps * network.Dt, first);
        long done = 0;
        RunProgress.Run(steps, network.Dt, chunk =>
        {
            long target = Math.Min(done + chunk, steps);
            SampleUpTo(engine, samplers, target, network.Dt);
            engine.RunUntil(target * network.Dt);
            done = target;
        }, cancel);
        engine.Finish();
        sink.FlushBefore(steps);
        timed?.Flush();
        clock.Stop();
        return (clock.Elapsed.TotalSeconds, engine.SynapticEvents);
    }

    // Takes every state sample due at step counts up to `target`, in time order.
    private static void SampleUpTo(EventDrivenEngine engine, List<EventStateSampler> samplers, long target,
        double dt)
    {
        while (samplers.Count > 0)
        {
            long next = long.MaxValue;
            foreach (var sampler in samplers)
            {
                next = Math.Min(next, sampler.NextStep);
            }

            if (next > target)
            {
                return;
            }

            engine.RunBefore(next * dt);
            foreach (var sampler in samplers)
            {
                if (sampler.NextStep == next)
                {
                    sampler.Sample(engine, next * dt);
                }
            }
        }
    }
}
