using System.CommandLine;
using System.Diagnostics;
using NeuroSim.Cli.EventDriven;
using NeuroSim.Cli.Output;
using NeuroSim.Cli.Plotting;
using NeuroSim.Core.Diagnostics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.IO;
using NeuroSim.Core.Network;
using NeuroSim.Core.Recording;
using NeuroSim.Core.Synapses;
using NeuroSim.Core.Units;
using NeuroSim.Encoders.Sources;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Neurons.Leaky;
using NeuroSim.Neurons.Lif;
using NeuroSim.Neurons.Snu;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// The <c>neurosim run FILE [--duration 1s] [--seed 7] [--out DIR] [--threads N] [--engine clock|event]
/// [--timing grid|exact] [--precision float32|float64]</c> command: simulates a network file with the
/// clock-driven or event-driven engine and writes spikes.npz, summary.json, raster.png (and state.npz when the file
/// records state) into DIR.
/// <c>neurosim run SYNAPSES --sample K [--data SET]</c> runs test sample K through an SNN-trained synapse file
/// instead (<see cref="Snn.SnnRunCommand"/>).
/// </summary>
/// <remarks>
/// spikes.npz holds, per recorded population, <c>POP_times_ms</c> (float64; grid timing: step × dt, the start
/// of the step that contains the threshold crossing; exact timing: the exact crossing or input time) and
/// <c>POP_senders</c> (int32 neuron indices), sorted by time then neuron. state.npz holds <c>POP_times_ms</c> and
/// <c>POP_VAR</c> ([samples, neurons]; float32, or float64 for LIF populations of a float64 clock run; the event
/// engine's samples are float32).
/// </remarks>
public static class RunCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "network definition file (JSON)" };
        var duration = new Option<string?>("--duration") { Description = "biological time, e.g. 1s or 250 ms" };
        var seed = new Option<string?>("--seed")
        {
            Description = "master seed, a whole number >= 0 (default: the file's)",
        };
        var output = new Option<string?>("--out") { Description = "output folder (default runs/NAME)" };
        var threads = new Option<int>("--threads") { Description = "worker threads", DefaultValueFactory = _ => 1 };
        var engine = new Option<string?>("--engine")
        {
            Description = "clock or event (default: the file's simulation.engine)",
        };
        engine.AcceptOnlyFromAmong("clock", "event");
        var timing = new Option<string?>("--timing")
        {
            Description = "event engine: grid (clock conventions) or exact spike times (default: simulation.timing)",
        };
        timing.AcceptOnlyFromAmong("grid", "exact");
        var precision = new Option<string?>("--precision")
        {
            Description = "clock engine: float32 or float64 LIF state (default: simulation.precision)",
        };
        precision.AcceptOnlyFromAmong("float32", "float64");
        var sample = new Option<int?>("--sample")
        {
            Description = "with an SNN synapse file: run test sample K through the trained network",
        };
        var data = new Option<string?>("--data") { Description = "with --sample: data set (default: the file's)" };
        var command = new Command("run", "Simulate a network file and write spikes, summary, raster.");
        command.Arguments.Add(file);
        command.Options.Add(duration);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(engine);
        command.Options.Add(timing);
        command.Options.Add(precision);
        command.Options.Add(sample);
        command.Options.Add(data);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            if (parsed.GetValue(sample) is int k)
            {
                bool overridden = parsed.GetValue(duration) is not null || parsed.GetValue(seed) is not null
                    || parsed.GetValue(engine) is not null || parsed.GetValue(timing) is not null
                    || parsed.GetValue(precision) is not null;
                return overridden
                    ? Fail(ExitCodes.Usage, "--sample takes the steps, seed and engine from the synapse file's " +
                        "training section (clock engine, float32); drop --duration, --seed, --engine, --timing " +
                        "and --precision")
                    : Snn.SnnRunCommand.Run(path, k, parsed.GetValue(data), parsed.GetValue(output),
                        parsed.GetValue(threads));
            }

            if (path.EndsWith(".msgpack", StringComparison.OrdinalIgnoreCase))
            {
                return Fail(ExitCodes.Usage,
                    "a synapse file is run with --sample K (a test sample through the trained SNN)");
            }

            return TryParseSeed(parsed.GetValue(seed), out long? seedValue, out string why)
                ? Execute(path, parsed.GetValue(duration), seedValue, parsed.GetValue(output),
                    parsed.GetValue(threads), parsed.GetValue(engine), parsed.GetValue(timing),
                    parsed.GetValue(precision))
                : Fail(ExitCodes.Usage, why);
        });
        return command;
    }

    /// <summary>Parses --seed: a whole number from 0 to <see cref="long.MaxValue"/>, as the file's seed.</summary>
    internal static bool TryParseSeed(string? text, out long? seed, out string why)
    {
        seed = null;
        why = "";
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out long value) && value >= 0)
        {
            seed = value;
            return true;
        }

        why = $"--seed must be a whole number between 0 and {long.MaxValue} (got {text})";
        return false;
    }

    /// <summary>The kinds `run` can simulate.</summary>
    public static PopulationFactories Factories() =>
        new PopulationFactories().AddLif().AddSources().AddLeaky().AddSnu();

    /// <summary>Runs the command; returns an exit code from <see cref="ExitCodes"/>.</summary>
    public static int Execute(string path, string? durationText, long? seed, string? outDir, int threads,
        string? engineName = null, string? timingName = null, string? precisionName = null)
    {
        if (threads < 1 || threads > 256)
        {
            return Fail(ExitCodes.Usage, $"--threads must be between 1 and 256 (got {threads})");
        }

        if (seed is < 0)
        {
            return Fail(ExitCodes.Usage, $"--seed must be a whole number between 0 and {long.MaxValue} (got {seed})");
        }

        double? durationMs = null;
        if (durationText is not null)
        {
            if (!RunInputChecks.TryParseDuration(durationText, out double ms, out string why))
            {
                return Fail(ExitCodes.Usage, $"--duration: {why}");
            }

            durationMs = ms;
        }

        var build = Stopwatch.StartNew();
        NetworkSpec spec;
        try
        {
            spec = NetworkLoader.Load(path, CliLoadOptions.Default);
        }
        catch (NetworkValidationException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }

        if (durationMs is double d && RunInputChecks.DurationProblem(spec.Simulation, d) is string problem)
        {
            return Fail(ExitCodes.Usage, $"--duration {problem} (got {durationText})");
        }

        var engineKind = engineName is null ? spec.Simulation.Engine
            : engineName == "event" ? EngineKind.Event : EngineKind.Clock;
        if (engineKind == EngineKind.Clock && timingName == "exact")
        {
            return Fail(ExitCodes.Usage, "--timing exact needs the event engine (--engine event); "
                + "the clock engine works on the dt grid");
        }

        if (engineKind == EngineKind.Event && precisionName is not null)
        {
            return Fail(ExitCodes.Usage, $"--precision {precisionName} chooses the clock engine's arithmetic; the "
                + "event engine always integrates in float64 (drop --precision, or use --engine clock)");
        }

        if (precisionName is not null && precisionName != "float32" && precisionName != "float64")
        {
            return Fail(ExitCodes.Usage, $"--precision must be float32 or float64 (got {precisionName})");
        }

        // The file's precision is the clock engine's; the event engine runs from the float32 build (its own
        // state is double, its constants the float32 values).
        var precision = engineKind == EngineKind.Event ? Precision.Float32
            : precisionName is null ? spec.Simulation.Precision
            : precisionName == "float64" ? Precision.Float64 : Precision.Float32;

        // The clock engine always works on the grid; the file's timing is the event engine's.
        var timing = engineKind == EngineKind.Clock ? EventTiming.Grid
            : timingName is null ? spec.Simulation.Timing
            : timingName == "exact" ? EventTiming.Exact : EventTiming.Grid;
        bool exact = engineKind == EngineKind.Event && timing == EventTiming.Exact;
        if (!exact && RunInputChecks.OffGridDelay(spec) is string delay)
        {
            return Fail(ExitCodes.BadInput, delay);
        }

        if (engineKind == EngineKind.Event && timing == EventTiming.Grid
            && RunInputChecks.OffGridSpikeTime(spec) is string offGrid)
        {
            return Fail(ExitCodes.BadInput, offGrid);
        }

        string dir = outDir ?? Path.Combine("runs", spec.Name);
        if (OptionChecks.CheckWritable(dir) is string unwritable)
        {
            return Fail(ExitCodes.OutputFailed, unwritable);
        }

        SimulationNetwork network;
        try
        {
            SimulationNetwork Build() =>
                SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), Factories(), seed, precision);
            network = Build();
            CodeWarmup.Prepare(typeof(ClockEngine), typeof(SpikeRecorder), typeof(SpikeStatistics),
                typeof(StateRecorder), typeof(FileSpikeSink));
            if (engineKind == EngineKind.Clock)
            {
                ClockWarmup.Run(network, Build, (copy, c) => Rule(spec, copy, c),
                    copy => StateRecording.Create(spec, copy), threads);
            }
        }
        catch (NetworkValidationException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (ArgumentException ex)
        {
            // A parameter the neuron model refuses (e.g. t_ref not a whole number of steps): say it without the
            // framework's "(Parameter 'name')" tail.
            string message = ex.ParamName is null ? ex.Message
                : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            return Fail(ExitCodes.BadInput, $"{path}: {message}");
        }

        build.Stop();
        double duration = durationMs ?? spec.Simulation.Duration;

        long runSeed = seed ?? spec.Simulation.Seed;
        var run = new RunChoice(engineKind, timing, precision);
        return Simulate(spec, network, duration, runSeed, threads, dir, build.Elapsed.TotalSeconds, run);
    }

    // The engine and its spike timing for this run.
    private readonly record struct RunChoice(EngineKind Engine, EventTiming Timing, Precision Precision)
    {
        public bool Exact => Engine == EngineKind.Event && Timing == EventTiming.Exact;
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"neurosim: could not remove {file}: {ex.Message}");
        }
    }

    // Ctrl-C (or SIGTERM): the first signal asks the run to stop between chunks (partial spike file removed,
    // exit 130); a second one ends the process at once.
    private static int Simulate(NetworkSpec spec, SimulationNetwork network, double durationMs, long seed,
        int threads, string dir, double buildSeconds, RunChoice run)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM (kill, timeout, CI cancellation) stops the run the same way.
        using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = !cancel.IsCancellationRequested;
                cancel.Cancel();
            });
        string spikeFile = Path.Combine(dir, ".spikes.tmp");
        string timedFile = Path.Combine(dir, ".spike-times.tmp");
        try
        {
            return Simulate(spec, network, durationMs, seed, threads, dir, buildSeconds, run,
                (spikeFile, run.Exact ? timedFile : null), cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Fail(ExitCodes.Cancelled, $"interrupted (Ctrl-C or SIGTERM); no output written to {dir}");
        }
        catch (NotSupportedException ex) when (run.Engine == EngineKind.Event)
        {
            // Raised while the event engine's view of the network is built, before any output is written.
            return Fail(ExitCodes.BadInput,
                $"{spec.FileName}: {ex.Message}; the clock engine runs it (--engine clock)");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            foreach (string temporary in new[] { spikeFile, timedFile })
            {
                if (File.Exists(temporary))
                {
                    DeleteQuietly(temporary);
                }
            }
        }
    }

    private static int Simulate(NetworkSpec spec, SimulationNetwork network, double durationMs, long seed,
        int threads, string dir, double buildSeconds, RunChoice run, (string Steps, string? Times) spikeFiles,
        CancellationToken cancel)
    {
        string spikeFile = spikeFiles.Steps;
        var populations = network.Populations;
        var recordedNames = spec.Recording.Spikes.Count > 0
            ? spec.Recording.Spikes.ToHashSet()
            : populations.Select(p => p.Name).ToHashSet();
        long steps = spec.Simulation.StepsOf(durationMs);
        var statistics = new SpikeStatistics(populations.Select(p => p.Size).ToList());
        var stateRecorders = StateRecording.Create(spec, network);
        string stateFile = Path.Combine(dir, "state.npz");
        if (stateRecorders.Count == 0 && File.Exists(stateFile))
        {
            DeleteQuietly(stateFile); // an earlier run's; this run records no state
        }
        double simulateSeconds;
        double simulateCpuSeconds;
        long events;
        try
        {
            using var sink = new FileSpikeSink(spikeFile);
            var recorded = populations.Select(p => recordedNames.Contains(p.Name)).ToList();
            using var recorder = new SpikeRecorder(recorded, sink);
            if (run.Engine == EngineKind.Event)
            {
                var outputs = new EventRun.Outputs(
                    run.Exact ? Core.Engine.EventDriven.SpikeTiming.Exact : Core.Engine.EventDriven.SpikeTiming.Grid,
                    spikeFiles.Times, recorded,
                    stateRecorders.Select(r => (r, network.IndexOf(r.Population))).ToList());
                double cpu = CpuClock.ProcessSeconds();
                // Exact timing takes the file's delays as they are (the network's are rounded to steps).
                Func<int, double>? delays = run.Exact
                    ? c => spec.Projection(network.Connections[c].Name).Delay : null;
                (simulateSeconds, events) = EventRun.Simulate(network, steps, [statistics, recorder], outputs,
                    c => Rule(spec, network, c), delays, cancel);
                recorder.Complete();
                simulateCpuSeconds = CpuClock.ProcessSeconds() - cpu;
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

                double cpu = CpuClock.ProcessSeconds();
                var clock = Stopwatch.StartNew();
                RunProgress.Run(steps, network.Dt, engine.Run, cancel);
                recorder.Complete();
                clock.Stop();
                simulateSeconds = clock.Elapsed.TotalSeconds;
                simulateCpuSeconds = CpuClock.ProcessSeconds() - cpu;
                events = engine.SynapticEvents;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.OutputFailed, $"{dir}: writing spikes failed: {ex.Message}");
        }

        var figures = populations.Select((p, i) => new RunSummary.PopulationFigures(
            p.Name, p.Size, statistics.Spikes(i), statistics.MeanRateHz(i, durationMs), statistics.CvIsi(i))).ToList();
        var summary = new RunSummary(spec.Name, durationMs, network.Dt, seed, threads, figures, events, buildSeconds,
            simulateSeconds, simulateCpuSeconds, run.Engine == EngineKind.Event ? "event" : "clock",
            run.Exact ? "exact" : "grid",
            run.Engine == EngineKind.Event || run.Precision == Precision.Float64 ? "float64" : "float32");
        try
        {
            var series = spikeFiles.Times is { } timedFile
                ? RunSpikeFiles.WriteTimedSpikes(Path.Combine(dir, "spikes.npz"), timedFile, network, recordedNames)
                : RunSpikeFiles.WriteSpikes(Path.Combine(dir, "spikes.npz"), spikeFile, network, recordedNames);
            File.Delete(spikeFile);
            if (spikeFiles.Times is { } written)
            {
                File.Delete(written);
            }

            if (stateRecorders.Count > 0)
            {
                StateRecording.Write(stateFile, stateRecorders);
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

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"neurosim: {message}");
        return code;
    }
}
