using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroSim.Cli.Output;

/// <summary>The figures of one <c>neurosim run</c>, written as summary.json.</summary>
/// <remarks>
/// Fields: <c>network</c>, <c>duration_ms</c>, <c>dt_ms</c>, <c>seed</c>, <c>threads</c>, <c>populations</c>
/// (each <c>name</c>, <c>size</c>, <c>spikes</c>, <c>mean_rate_hz</c>, <c>cv_isi</c> — null when no neuron fired
/// three times), <c>synaptic_events</c>, <c>build_seconds</c> (load, validate, connect, instantiate),
/// <c>simulate_seconds</c> (wall time of the step loop, recording included), <c>simulate_cpu_seconds</c>
/// (processor time the whole process used meanwhile: on a busy machine, the figure that excludes waiting for a
/// CPU, like Brian2's std::clock-based run time) and <c>events_per_second</c>
/// (synaptic_events / simulate_seconds), <c>engine</c> (<c>clock</c> or <c>event</c>) and <c>timing</c>
/// (<c>grid</c>: spike times on the dt grid, always for the clock engine; <c>exact</c>: the event engine's exact
/// times) and <c>precision</c> (the arithmetic of the LIF state: <c>float32</c> or <c>float64</c> for the clock
/// engine, always <c>float64</c> for the event engine).
/// </remarks>
public sealed record RunSummary(
    string Network, double DurationMs, double DtMs, long Seed, int Threads,
    IReadOnlyList<RunSummary.PopulationFigures> Populations,
    long SynapticEvents, double BuildSeconds, double SimulateSeconds, double SimulateCpuSeconds,
    string Engine = "clock", string Timing = "grid", string Precision = "float32")
{
    /// <summary>One population's figures.</summary>
    public sealed record PopulationFigures(string Name, int Size, long Spikes, double MeanRateHz, double CvIsi);

    /// <summary>Synaptic events delivered per second of simulation wall time.</summary>
    public double EventsPerSecond => SimulateSeconds > 0 ? SynapticEvents / SimulateSeconds : 0;

    /// <summary>The JSON text of summary.json.</summary>
    public string ToJson()
    {
        var populations = new JsonArray();
        foreach (var p in Populations)
        {
            populations.Add(new JsonObject
            {
                ["name"] = p.Name,
                ["size"] = p.Size,
                ["spikes"] = p.Spikes,
                ["mean_rate_hz"] = p.MeanRateHz,
                ["cv_isi"] = double.IsNaN(p.CvIsi) ? null : p.CvIsi,
            });
        }

        var root = new JsonObject
        {
            ["network"] = Network,
            ["duration_ms"] = DurationMs,
            ["dt_ms"] = DtMs,
            ["seed"] = Seed,
            ["engine"] = Engine,
            ["timing"] = Timing,
            ["precision"] = Precision,
            ["threads"] = Threads,
            ["populations"] = populations,
            ["synaptic_events"] = SynapticEvents,
            ["build_seconds"] = BuildSeconds,
            ["simulate_seconds"] = SimulateSeconds,
            ["simulate_cpu_seconds"] = SimulateCpuSeconds,
            ["events_per_second"] = EventsPerSecond,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
