using System.Diagnostics;
using NeuroSim.Cli.Output;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Plasticity;
using NeuroSim.Neurons.EventDriven;

namespace NeuroSim.Cli.EventDriven;

/// <summary>
/// `neurosim run --engine event`: runs a built network with the event-driven engine (grid timing, so the
/// result matches the clock engine's), streaming spikes to the same observers (recorders, statistics) through
/// <see cref="ObserverSpikeSink"/>, with the same progress bar.
/// </summary>
public static class EventRun
{
    /// <summary>Simulates <paramref name="steps"/> steps; returns (simulation seconds, synaptic events).</summary>
    public static (double Seconds, long SynapticEvents) Simulate(SimulationNetwork network, long steps,
        IReadOnlyList<ISpikeObserver> observers, Func<int, IPlasticityRule?>? rules = null)
    {
        var view = EventNetworkFactory.From(network, rules);
        var engine = new EventDrivenEngine(view, SpikeTiming.Grid);
        var sink = new ObserverSpikeSink(observers, view.Populations.Count, network.Dt);
        var clock = Stopwatch.StartNew();
        engine.Start(steps * network.Dt, sink);
        RunProgress.Run(steps, network.Dt, engine.AdvanceSteps);
        engine.Finish();
        sink.FlushBefore(steps);
        clock.Stop();
        return (clock.Elapsed.TotalSeconds, engine.SynapticEvents);
    }
}
