using System.Diagnostics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
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

    public static void Run(bool quick)
    {
        double duration = quick ? 200 : 1000;
        Console.WriteLine($"event-vs-clock: simulated {duration} ms, dt 0.1 ms, 1 thread, {Environment.ProcessorCount} cores");
        Console.WriteLine("network                         neurons  rate_Hz  syn_events   clock_s   event_s  clock/event");
        Report("cuba (4000, p=0.02)", () => BenchNetworks.Cuba(7), duration);
        foreach (double hz in quick ? new[] { 0.1, 1.0 } : new[] { 0.1, 0.3, 1.0, 3.0, 10.0 })
            Report($"low activity, input {hz} Hz", () => BenchNetworks.LowActivity(7, 10_000, hz, duration), duration);
    }

    private static void Report(string name, Func<SimulationNetwork> build, double duration)
    {
        var clockNet = build();
        var sw = Stopwatch.StartNew();
        long clockSpikes, clockEvents;
        using (var clock = new ClockEngine(clockNet))
        {
            clock.Run((long)Math.Round(duration / clockNet.Dt));
            clockSpikes = clock.SpikeCounts.Sum();
            clockEvents = clock.SynapticEvents;
        }

        double clockS = sw.Elapsed.TotalSeconds;
        var view = EventNetworkFactory.From(build());
        var engine = new EventDrivenEngine(view, SpikeTiming.Grid);
        var count = new Count();
        sw.Restart();
        engine.Run(duration, count);
        double eventS = sw.Elapsed.TotalSeconds;

        int lifNeurons = view.Populations.Where(p => p.IsLif).Sum(p => p.Size);
        long lifSpikes = engine.SpikeCounts.Where((_, p) => view.Populations[p].IsLif).Sum();
        double rate = lifSpikes / (lifNeurons * duration / 1000);
        Console.WriteLine($"{name,-30} {lifNeurons,8} {rate,8:F2} {engine.SynapticEvents,11} {clockS,9:F3} {eventS,9:F3} " +
                          $"{clockS / eventS,11:F2}   (spikes clock {clockSpikes}, event {count.N}, clock syn events {clockEvents})");
    }
}
