using System.Diagnostics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Neurons.EventDriven;

namespace NeuroSim.Bench.EventDriven;

/// <summary>
/// Runs the clock-driven and event-driven engines on the same networks in one process and prints wall times,
/// spike counts and the ratio: `dotnet run -c Release --project Sim.Bench -- event-vs-clock [--quick]`.
/// Simulation time only (network construction excluded); one thread for both engines.
/// </summary>
public static class EventVsClockComparison
{
    private sealed class Count : IEventSpikeSink
    {
        public long N;

        public void OnSpike(int population, int neuron, double time) => N++;
    }

    private static int _lookAhead = EventDrivenEngine.DefaultLookAheadSteps;

    public static void Run(bool quick, int lookAhead = EventDrivenEngine.DefaultLookAheadSteps)
    {
        _lookAhead = lookAhead;
        double duration = quick ? 200 : 1000;
        Console.WriteLine($"event-vs-clock: simulated {duration} ms, dt 0.1 ms, 1 thread, " +
                          $"{Environment.ProcessorCount} cores");
        Console.WriteLine("network                         neurons  rate_Hz  syn_events" +
                          "   clock_s   event_s  clock/event");
        Report("cuba (4000, p=0.02)", () => BenchNetworks.Cuba(7), duration);
        Report("cuba + stdp on ee", () => BenchNetworks.Cuba(7), duration, Stdp);
        foreach (double hz in quick ? new[] { 0.1, 1.0 } : new[] { 0.01, 0.03, 0.1, 0.3, 1.0 })
            Report($"low activity, input {hz} Hz", () => BenchNetworks.LowActivity(7, 10_000, hz, duration), duration);
    }

    // Additive pair STDP on CUBA's excitatory-to-excitatory projection (connection 0), bounds [0, 3.24] mV.
    private static IPlasticityRule? Stdp(int connection) => connection == 0
        ? new PairStdp(new PairStdpParameters(0.0162, 0.0170, 20, 20, 0, 3.24))
        : null;

    private static void Report(string name, Func<SimulationNetwork> build, double duration,
        Func<int, IPlasticityRule?>? rules = null)
    {
        var clockNet = build();
        var sw = Stopwatch.StartNew();
        long clockSpikes, clockEvents;
        using (var clock = new ClockEngine(clockNet))
        {
            for (int c = 0; c < clockNet.Connections.Count; c++)
                if (rules?.Invoke(c) is { } rule)
                    clock.AddPlasticity(c, rule);
            clock.Run((long)Math.Round(duration / clockNet.Dt));
            clockSpikes = clock.SpikeCounts.Sum();
            clockEvents = clock.SynapticEvents;
        }

        double clockS = sw.Elapsed.TotalSeconds;
        var view = EventNetworkFactory.From(build(), rules);
        var engine = new EventDrivenEngine(view, SpikeTiming.Grid) { LookAheadSteps = _lookAhead };
        var count = new Count();
        sw.Restart();
        engine.Run(duration, count);
        double eventS = sw.Elapsed.TotalSeconds;

        int lifNeurons = view.Populations.Where(p => p.IsLif).Sum(p => p.Size);
        long lifSpikes = engine.SpikeCounts.Where((_, p) => view.Populations[p].IsLif).Sum();
        double rate = lifSpikes / (lifNeurons * duration / 1000);
        Console.WriteLine($"{name,-30} {lifNeurons,8} {rate,8:F2} {engine.SynapticEvents,11} " +
                          $"{clockS,9:F3} {eventS,9:F3} {clockS / eventS,11:F2}   " +
                          $"(spikes clock {clockSpikes}, event {count.N}; predictions {engine.Predictions}, " +
                          $"rechecks {engine.Rechecks}, events {engine.EventsProcessed})");
    }
}
