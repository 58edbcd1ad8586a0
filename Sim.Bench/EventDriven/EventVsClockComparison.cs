using System.Diagnostics;
using NeuroSim.Core.Diagnostics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Neurons.EventDriven;

namespace NeuroSim.Bench.EventDriven;

/// <summary>
/// Runs the clock-driven and event-driven engines on the same networks in one process and prints wall times,
/// the simulating thread's CPU times, spike counts and the ratios:
/// `dotnet run -c Release --project Sim.Bench -- event-vs-clock [--quick] [--repeats N] [--warmup N]
/// [--only cuba|low] [--rates HZ,HZ,...]` (rates: the low-activity network's input rates, default
/// 0.01,0.03,0.1,0.3,1).
/// Simulation time only (network construction excluded); one thread for both engines; medians of repeated,
/// alternating runs (default 5) after warm-up runs that are discarded (`--warmup N`, default 2, and at least 10 for
/// the millisecond-long low-activity runs: JIT tiering and the allocator settle, so the figures are steady-state
/// costs). Engine construction is timed apart and reported as setup. On a shared machine the CPU-time ratio is the
/// steadier one.
/// </summary>
public static class EventVsClockComparison
{
    private sealed class Count : IEventSpikeSink
    {
        public long N;

        public void OnSpike(int population, int neuron, double time) => N++;
    }

    private static int _lookAhead = EventDrivenEngine.DefaultLookAheadSteps;

    private readonly record struct Sample(double ClockS, double EventS, double ClockCpu, double EventCpu,
        long ClockSpikes, long EventSpikes, double Rate, int Neurons, EventDrivenEngine Engine, double ClockSetupS,
        double EventSetupS);

    private static int _warmup = 2;

    private const int LowActivityWarmup = 10;

    public static void Run(bool quick, int lookAhead = EventDrivenEngine.DefaultLookAheadSteps, int repeats = 5,
        string only = "", int warmup = 2, double[]? rates = null)
    {
        _lookAhead = lookAhead;
        _warmup = warmup;
        double duration = quick ? 200 : 1000;
        Console.WriteLine($"event-vs-clock: simulated {duration} ms, dt 0.1 ms, 1 thread, " +
                          $"{Environment.ProcessorCount} cores, median of {repeats} repeats after {warmup} discarded " +
                          $"({Math.Max(warmup, LowActivityWarmup)} for low activity) " +
                          "(clock and event alternate; cuba with and without stdp interleaved)");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine("network                         neurons  rate_Hz  syn_events" +
                          "   clock_s   event_s  clock/event   clock_cpu event_cpu  clock/event(cpu)");

        // CUBA with and without STDP are measured in the same rounds, so the cost of STDP is a same-run ratio.
        if (only != "low")
            RunCuba(duration, repeats);
        if (only != "cuba")
            RunLowActivity(rates ?? (quick ? [0.1, 1.0] : [0.01, 0.03, 0.1, 0.3, 1.0]), duration, repeats);
        Console.WriteLine($"load average at end: {LoadAverage()}");
    }

    private static void RunCuba(double duration, int repeats)
    {
        var plain = new List<Sample>();
        var stdp = new List<Sample>();
        var wide = new List<Sample>();
        for (int r = -_warmup; r < repeats; r++)
        {
            var a = Measure(() => BenchNetworks.Cuba(7), duration, null);
            var b = Measure(() => BenchNetworks.Cuba(7), duration, Stdp);
            var c = Measure(() => BenchNetworks.Cuba(7, float64: true), duration, null);
            if (r < 0)
                continue;
            plain.Add(a);
            stdp.Add(b);
            wide.Add(c);
        }

        Report("cuba (4000, p=0.02)", plain);
        Report("cuba + stdp on ee", stdp);
        Report("cuba, clock in float64", wide);
        Console.WriteLine($"float64 clock cost (median of per-round ratios, wall / cpu): " +
                          $"{Median(plain.Zip(wide, (a, b) => b.ClockS / a.ClockS)):F2}x / " +
                          $"{Median(plain.Zip(wide, (a, b) => b.ClockCpu / a.ClockCpu)):F2}x; float64 clock and " +
                          $"event spikes {(wide.All(w => w.ClockSpikes == w.EventSpikes) ? "equal" : "DIFFER")}");
        double Cost(Func<Sample, double> time) => Median(plain.Zip(stdp, (a, b) => time(b) / time(a)));
        Console.WriteLine($"stdp cost (median of per-round ratios, wall / cpu): clock " +
                          $"{Cost(s => s.ClockS):F2}x / {Cost(s => s.ClockCpu):F2}x, event " +
                          $"{Cost(s => s.EventS):F2}x / {Cost(s => s.EventCpu):F2}x; with each engine's setup added " +
                          $"to its run (rule binding: the clock's setup, the start of the event run): clock " +
                          $"{Cost(s => s.ClockS + s.ClockSetupS):F2}x, " +
                          $"event {Cost(s => s.EventS + s.EventSetupS):F2}x (wall)");
    }

    private static void RunLowActivity(double[] rates, double duration, int repeats)
    {
        foreach (double hz in rates)
        {
            var rows = new List<Sample>();
            // A low-activity run lasts milliseconds, so the code that runs once per run (the event loop, the set-up
            // of a run) needs more discarded rounds than CUBA's before it runs optimised: at least ten.
            for (int r = -Math.Max(_warmup, LowActivityWarmup); r < repeats; r++)
            {
                var sample = Measure(() => BenchNetworks.LowActivity(7, 10_000, hz, duration), duration, null);
                if (r >= 0)
                    rows.Add(sample);
            }
            Report($"low activity, input {hz} Hz", rows);
        }
    }

    // Additive pair STDP on CUBA's excitatory-to-excitatory projection (connection 0), bounds [0, 3.24] mV.
    private static IPlasticityRule? Stdp(int connection) => connection == 0
        ? new PairStdp(new PairStdpParameters(0.0162, 0.0170, 20, 20, 0, 3.24))
        : null;

    // Times each engine's run alone: building the network and constructing the engine (tables, index copies, code
    // preparation) are outside both clocks, and reported apart as setup.
    private static Sample Measure(Func<SimulationNetwork> build, double duration, Func<int, IPlasticityRule?>? rules)
    {
        var clockNet = build();
        long clockSpikes;
        double clockS, clockCpu, clockSetup;
        var sw = Stopwatch.StartNew();
        using (var clock = new ClockEngine(clockNet))
        {
            for (int c = 0; c < clockNet.Connections.Count; c++)
                if (rules?.Invoke(c) is { } rule)
                    clock.AddPlasticity(c, rule);
            clockSetup = sw.Elapsed.TotalSeconds;
            double cpu0 = CpuClock.ThreadSeconds();
            sw.Restart();
            clock.Run((long)Math.Round(duration / clockNet.Dt));
            clockS = sw.Elapsed.TotalSeconds;
            clockCpu = CpuClock.ThreadSeconds() - cpu0;
            clockSpikes = clock.SpikeCounts.Sum();
        }

        var view = EventNetworkFactory.From(build(), rules);
        sw.Restart();
        var engine = new EventDrivenEngine(view, SpikeTiming.Grid) { LookAheadSteps = _lookAhead };
        double eventSetup = sw.Elapsed.TotalSeconds;
        var count = new Count();
        double eventCpu0 = CpuClock.ThreadSeconds();
        sw.Restart();
        engine.Run(duration, count);
        double eventS = sw.Elapsed.TotalSeconds;
        double eventCpu = CpuClock.ThreadSeconds() - eventCpu0;

        int lifNeurons = view.Populations.Where(p => p.IsLif).Sum(p => p.Size);
        long lifSpikes = engine.SpikeCounts.Where((_, p) => view.Populations[p].IsLif).Sum();
        double rate = lifSpikes / (lifNeurons * duration / 1000);
        return new Sample(clockS, eventS, clockCpu, eventCpu, clockSpikes, count.N, rate, lifNeurons, engine,
            clockSetup, eventSetup);
    }

    private static void Report(string name, List<Sample> runs)
    {
        double clockS = Median(runs.Select(r => r.ClockS));
        double eventS = Median(runs.Select(r => r.EventS));
        double clockCpu = Median(runs.Select(r => r.ClockCpu));
        double eventCpu = Median(runs.Select(r => r.EventCpu));
        var last = runs[^1];
        var engine = last.Engine;
        Console.WriteLine($"{name,-30} {last.Neurons,8} {last.Rate,8:F2} {engine.SynapticEvents,11} " +
                          $"{clockS,9:F3} {eventS,9:F3} {clockS / eventS,11:F2}   {clockCpu,9:F3} {eventCpu,9:F3} " +
                          $"{clockCpu / eventCpu,17:F2}   " +
                          $"(setup clock {Median(runs.Select(r => r.ClockSetupS)) * 1e3:F1} ms, event " +
                          $"{Median(runs.Select(r => r.EventSetupS)) * 1e3:F1} ms; spikes clock {last.ClockSpikes}, " +
                          $"event {last.EventSpikes}; predictions " +
                          $"{engine.Predictions}, rechecks {engine.Rechecks}, events {engine.EventsProcessed})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
