using System.CommandLine;
using System.Diagnostics;
using NeuroSim.Cli.EventDriven;
using NeuroSim.Cli.Output;
using NeuroSim.Cli.Plotting;
using NeuroSim.Core.Engine;
using NeuroSim.Core.IO;
using NeuroSim.Core.Network;
using NeuroSim.Core.Recording;
using NeuroSim.Core.Synapses;
using NeuroSim.Core.Units;
using NeuroSim.Encoders.Sources;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// The <c>neurosim run FILE [--duration 1s] [--seed 7] [--out DIR] [--threads N]</c> command: simulates a
/// network file with the clock-driven engine and writes spikes.npz, summary.json, raster.png (and state.npz
/// when the file records state) into DIR.
/// </summary>
/// <remarks>
/// spikes.npz holds, per recorded population, <c>POP_times_ms</c> (float64, spike times = step × dt, the start
/// of the step that contains the threshold crossing) and <c>POP_senders</c> (int32 neuron indices), sorted by
/// time then neuron. state.npz holds <c>POP_times_ms</c> and <c>POP_VAR</c> (float32, [samples, neurons]).
/// </remarks>
public static class RunCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "network definition file (JSON)" };
        var duration = new Option<string?>("--duration") { Description = "biological time, e.g. 1s or 250 ms" };
        var seed = new Option<long?>("--seed") { Description = "master seed (default: the file's)" };
        var output = new Option<string?>("--out") { Description = "output folder (default runs/NAME)" };
        var threads = new Option<int>("--threads") { Description = "worker threads", DefaultValueFactory = _ => 1 };
        var engine = new Option<string?>("--engine")
        {
            Description = "clock or event (default: the file's simulation.engine)",
        };
        engine.AcceptOnlyFromAmong("clock", "event");
        var command = new Command("run", "Simulate a network file (clock-driven) and write spikes, summary, raster.");
        command.Arguments.Add(file);
        command.Options.Add(duration);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(engine);
        command.SetAction(parsed => Execute(
            parsed.GetValue(file)!, parsed.GetValue(duration), parsed.GetValue(seed), parsed.GetValue(output),
            parsed.GetValue(threads), parsed.GetValue(engine)));
        return command;
    }

    /// <summary>The kinds `run` can simulate.</summary>
    public static PopulationFactories Factories() => new PopulationFactories().AddLif().AddSources();

    /// <summary>Runs the command; returns an exit code from <see cref="ExitCodes"/>.</summary>
    public static int Execute(string path, string? durationText, long? seed, string? outDir, int threads,
        string? engineName = null)
    {
        if (threads < 1 || threads > 256)
        {
            return Fail(ExitCodes.Usage, $"--threads must be between 1 and 256 (got {threads})");
        }

        double? durationMs = null;
        if (durationText is not null)
        {
            if (!TryParseDuration(durationText, out double ms, out string why))
            {
                return Fail(ExitCodes.Usage, $"--duration: {why}");
            }

            durationMs = ms;
        }

        var build = Stopwatch.StartNew();
        NetworkSpec spec;
        SimulationNetwork network;
        try
        {
            spec = NetworkLoader.Load(path, PlasticitySectionReader.Register(new NetworkLoadOptions()));
            if (durationMs is double d && !spec.Simulation.IsWholeSteps(d))
            {
                return Fail(ExitCodes.Usage, $"--duration must be a whole number of steps of dt = " +
                    $"{spec.Simulation.Dt} ms (got {durationText})");
            }

            network = SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), Factories(), seed);
            CodeWarmup.Prepare(typeof(ClockEngine), typeof(SpikeRecorder), typeof(SpikeStatistics),
                typeof(StateRecorder), typeof(FileSpikeSink));
        }
        catch (NetworkValidationException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException
                                   or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.BadInput, $"{path}: {ex.Message}");
        }

        build.Stop();
        double duration = durationMs ?? spec.Simulation.Duration;
        string dir = outDir ?? Path.Combine("runs", spec.Name);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.OutputFailed, $"{dir}: cannot create the output folder: {ex.Message}");
        }

        long runSeed = seed ?? spec.Simulation.Seed;
        var engineKind = engineName is null ? spec.Simulation.Engine
            : engineName == "event" ? EngineKind.Event : EngineKind.Clock;
        return Simulate(spec, network, duration, runSeed, threads, dir, build.Elapsed.TotalSeconds, engineKind);
    }

    private static int Simulate(NetworkSpec spec, SimulationNetwork network, double durationMs, long seed,
        int threads, string dir, double buildSeconds, EngineKind engineKind)
    {
        var populations = network.Populations;
        var recordedNames = spec.Recording.Spikes.Count > 0
            ? spec.Recording.Spikes.ToHashSet()
            : populations.Select(p => p.Name).ToHashSet();
        string spikeFile = Path.Combine(dir, ".spikes.tmp");
        long steps = spec.Simulation.StepsOf(durationMs);
        var statistics = new SpikeStatistics(populations.Select(p => p.Size).ToList());
        var stateRecorders = StateRecording.Create(spec, network);
        double simulateSeconds;
        double simulateCpuSeconds;
        long events;
        try
        {
            using var sink = new FileSpikeSink(spikeFile);
            var recorded = populations.Select(p => recordedNames.Contains(p.Name)).ToList();
            using var recorder = new SpikeRecorder(recorded, sink);
            if (engineKind == EngineKind.Event)
            {
                if (stateRecorders.Count > 0)
                {
                    return Fail(ExitCodes.Usage, "state recording needs the clock engine (the event engine records spikes)");
                }

                var cpu = ProcessorTime();
                (simulateSeconds, events) = EventRun.Simulate(network, steps, [statistics, recorder],
                    c => Rule(spec, network, c));
                recorder.Complete();
                simulateCpuSeconds = (ProcessorTime() - cpu).TotalSeconds;
            }
            else
            {
                using var engine = new ClockEngine(network, threads);
                for (int c = 0; c < network.Connections.Count; c++)
                {
                    if (Rule(spec, network, c) is { } rule)
                    {
                        engine.AddPlasticity(c, rule);
                    }
                }

                engine.AddObserver(statistics);
                engine.AddObserver(recorder);
                foreach (var stateRecorder in stateRecorders)
                {
                    engine.AddObserver(stateRecorder);
                }

                var cpu = ProcessorTime();
                var clock = Stopwatch.StartNew();
                RunProgress.Run(steps, network.Dt, engine.Run);
                recorder.Complete();
                clock.Stop();
                simulateSeconds = clock.Elapsed.TotalSeconds;
                simulateCpuSeconds = (ProcessorTime() - cpu).TotalSeconds;
                events = engine.SynapticEvents;
            }
        }
        catch (IOException ex)
        {
            return Fail(ExitCodes.OutputFailed, $"{dir}: writing spikes failed: {ex.Message}");
        }

        var figures = populations.Select((p, i) => new RunSummary.PopulationFigures(
            p.Name, p.Size, statistics.Spikes(i), statistics.MeanRateHz(i, durationMs), statistics.CvIsi(i))).ToList();
        var summary = new RunSummary(spec.Name, durationMs, network.Dt, seed, threads, figures, events, buildSeconds,
            simulateSeconds, simulateCpuSeconds);
        try
        {
            var series = WriteSpikes(Path.Combine(dir, "spikes.npz"), spikeFile, network, recordedNames);
            File.Delete(spikeFile);
            if (stateRecorders.Count > 0)
            {
                StateRecording.Write(Path.Combine(dir, "state.npz"), stateRecorders);
            }

            AtomicFile.WriteAllText(Path.Combine(dir, "summary.json"), summary.ToJson());
            RasterPlot.Save(Path.Combine(dir, "raster.png"), series, durationMs, $"{spec.Name}: {durationMs:g} ms");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.OutputFailed, $"{dir}: {ex.Message}");
        }

        Report(summary, dir);
        return ExitCodes.Ok;
    }

    // The plasticity rule of connection c, from its projection's "plasticity" section (validated at load).
    private static Core.Plasticity.IPlasticityRule? Rule(NetworkSpec spec, SimulationNetwork network, int c) =>
        PlasticitySectionReader.Create(spec, spec.Projection(network.Connections[c].Name), network.Dt);

    private static List<RasterPlot.Series> WriteSpikes(string path, string spikeFile, SimulationNetwork network,
        HashSet<string> recorded)
    {
        var events = FileSpikeSink.ReadAll(spikeFile);
        var series = new List<RasterPlot.Series>();
        for (int p = 0; p < network.Populations.Count; p++)
        {
            var population = network.Populations[p];
            if (!recorded.Contains(population.Name))
            {
                continue;
            }

            var mine = events.Where(e => e.Population == p).ToArray();
            series.Add(new RasterPlot.Series(population.Name, population.Size,
                mine.Select(e => e.Step * network.Dt).ToArray(), mine.Select(e => e.Neuron).ToArray()));
        }

        NpzWriter.WriteFile(path, npz =>
        {
            foreach (var s in series)
            {
                npz.AddVector<double>(s.Name + "_times_ms", s.TimesMs);
                npz.AddVector<int>(s.Name + "_senders", s.Senders);
            }
        });
        return series;
    }

    private static void Report(RunSummary summary, string dir)
    {
        foreach (var p in summary.Populations)
        {
            string cv = double.IsNaN(p.CvIsi) ? "n/a" : p.CvIsi.ToString("F3");
            Console.WriteLine(
                $"{p.Name,-12} {p.Size,8} neurons {p.Spikes,10} spikes {p.MeanRateHz,9:F3} Hz  CV ISI {cv}");
        }

        Console.WriteLine($"build {summary.BuildSeconds:F3} s, simulate {summary.SimulateSeconds:F3} s, " +
            $"{summary.SynapticEvents} synaptic events ({summary.EventsPerSecond:E3}/s); output in {dir}");
    }

    internal static bool TryParseDuration(string text, out double ms, out string why)
    {
        ms = 0;
        string normal = System.Text.RegularExpressions.Regex.Replace(
            text.Trim(), @"^([-+0-9.eE]+)\s*([a-zA-Z]+)$", "$1 $2");
        if (!Quantity.TryParse(normal, out var q, out string error))
        {
            why = $"{error} (e.g. 1s, 250 ms)";
            return false;
        }

        if (q.Dimension != Dimension.Time || !(q.Value > 0) || double.IsInfinity(q.Value))
        {
            why = $"must be a positive time such as 1s or 250 ms (got {text})";
            return false;
        }

        ms = q.Value;
        why = "";
        return true;
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"neurosim: {message}");
        return code;
    }
}
