using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Cli.Snn;

/// <summary>
/// <c>neurosim train FILE --out DIR</c> for spiking networks (training.mode = "snn"): surrogate-gradient BPTT,
/// optionally with GRAPES. Steps: load and validate the file (spiking kinds and the SNN training section
/// included), build the synapse store and the spiking layers over it, draw the initial weights from the
/// training seed, load the data; then per epoch train (progress bar), evaluate on the test set, print a row and
/// rewrite DIR/metrics.json (and DIR/checkpoint.msgpack every checkpoint.every_epochs epochs; --resume
/// continues from one, see <see cref="SnnCheckpoint"/>); finally save DIR/synapses.msgpack, DIR/accuracy.png
/// and DIR/raster.png (the spikes of test sample 0 through the trained network). Reached from
/// <c>TrainCommand</c> through <see cref="Claims"/>; reuses ann's reporter, metrics file and plot, and the store
/// helper's SynapseFile.
/// </summary>
public static class SnnTrainCommand
{
    /// <summary>
    /// True when <paramref name="file"/> parses and its training section says "mode": "snn" (a file that does not
    /// parse is left to the ANN path, which reports the problem).
    /// </summary>
    public static bool Claims(string file)
    {
        try
        {
            var options = new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            var root = JsonNode.Parse(File.ReadAllText(file), documentOptions: options) as JsonObject;
            return SnnTrainingReader.IsSnn(root?["training"] as JsonObject);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Trains; returns an exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(SnnTrainArguments request)
    {
        string? usage = TrainingSetup.UsageProblem(request.Epochs, request.Seed, request.TrainLimit,
            request.TestLimit, request.Threads);
        if (usage is not null)
        {
            Console.Error.WriteLine($"neurosim: {usage}");
            return ExitCodes.Usage;
        }

        NetworkSpec spec;
        SnnTrainingSpec training;
        SynapseStore store;
        SpikingNetwork network;
        DataSet train, test;
        Checkpoint? checkpoint;
        try
        {
            if (!TrainingSetup.TryLoad(request.File, request.Resume, SnnCheckpoint.Load, out spec, out checkpoint))
            {
                return ExitCodes.BadInput;
            }

            var reader = spec.CreateReader();
            training = SnnTrainingReader.Read(reader, spec.Training)!;
            reader.ThrowIfErrors();
            training = ApplyOverrides(training, request, spec);
            store = checkpoint?.Weights ?? SynapseStoreBuilder.Build(spec);
            if (checkpoint is null)
            {
                SpikingNetworkBuilder.Reinitialise(spec, store, training.Options.Seed);
            }

            network = SpikingNetworkBuilder.Build(spec, store, training);
            (train, test) = AnnSession.LoadData(training.Data, request.Data, request.File);
        }
        catch (Exception ex) when (InputErrors.IsBadInput(ex))
        {
            return InputErrors.Report(ex);
        }

        if (!TrainingSetup.OutputWritable(request.Out))
        {
            return ExitCodes.OutputFailed;
        }

        Gemm.SetThreads(1);
        return Train(request, spec, store, network, training, train, test, checkpoint);
    }

    private static SnnTrainingSpec ApplyOverrides(SnnTrainingSpec t, SnnTrainArguments r, NetworkSpec spec)
    {
        return t with
        {
            Epochs = r.Epochs ?? t.Epochs,
            Options = t.Options with
            {
                Seed = r.Seed is long s ? (ulong)s : t.Options.Seed,
                Bptt = t.Options.Bptt with { Threads = r.Threads ?? t.Options.Bptt.Threads },
            },
            Data = t.Data with
            {
                TrainLimit = r.TrainLimit ?? t.Data.TrainLimit,
                TestLimit = r.TestLimit ?? t.Data.TestLimit,
            },
            Encoder = t.Encoder with { DtMs = spec.Simulation.Dt },
        };
    }

    private static int Train(SnnTrainArguments request, NetworkSpec spec, SynapseStore store, SpikingNetwork network,
        SnnTrainingSpec training, DataSet train, DataSet test, Checkpoint? checkpoint)
    {
        var options = training.Options;
        var trainer = new SpikingTrainer(network, training.Encoder.Create(options.Bptt.Steps), options);
        var loop = new EpochLoop(trainer, request.Out, request.Resume);
        if (checkpoint is not null
            && !loop.TryResume(() => SnnCheckpoint.Restore(checkpoint, trainer, options.Seed, request.Resume!)))
        {
            return ExitCodes.BadInput;
        }

        var facts = Facts(request, spec, training, train, test);
        string sizes = string.Join("-", new[] { network.InputSize }.Concat(network.Layers.Select(l => l.Size)));
        Console.WriteLine($"{spec.Name}: SNN {sizes} ({string.Join(", ", network.Layers.Select(Describe))}), " +
            $"T = {options.Bptt.Steps}, {training.Encoder.Kind} input, {train.Count} training / {test.Count} test " +
            $"samples, {training.Epochs} epochs, GRAPES {(options.Grapes.Enabled ? "on" : "off")}, " +
            $"{options.Bptt.Threads} threads");
        int code = loop.Run(train, test, training.Epochs, training.CheckpointEvery, facts,
            (path, nextEpoch, rows) => SnnCheckpoint.Save(path, spec, store, trainer, nextEpoch, rows, options.Seed),
            writeMetricsOnDivergence: false);
        if (code != ExitCodes.Ok)
        {
            return code;
        }

        var rows = loop.Rows;
        try
        {
            AccuracyPlot.Save(Path.Combine(request.Out, "accuracy.png"), spec.Name, rows);
            var names = new List<string> { "input" };
            names.AddRange(spec.Projections.Where(p => p.Source != p.Target).Select(p => p.Target));
            var trace = trainer.Engine.Trace(test.Sample(0), 0);
            SpikeRasterPlot.Save(Path.Combine(request.Out, "raster.png"),
                $"{spec.Name}: test sample 0 (label {test.Labels[0]})", trace, names);
            SynapseFile.Save(Path.Combine(request.Out, "synapses.msgpack"), spec, store,
                new Dictionary<string, object> { ["mode"] = "snn" });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Console.Error.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.OutputFailed;
        }

        loop.Reporter.Finished(rows, request.Out);
        Console.WriteLine($"raster of test sample 0: {request.Out}/raster.png");
        return ExitCodes.Ok;
    }

    private static string Describe(SpikingLayer layer) =>
        $"{layer.Options.Model}{(layer.Options.Recurrent ? " recurrent" : "")} β={layer.Options.Beta:G3}";

    private static Dictionary<string, JsonNode?> Facts(SnnTrainArguments request, NetworkSpec spec,
        SnnTrainingSpec training, DataSet train, DataSet test) => new()
    {
        ["network"] = spec.Name,
        ["file"] = request.File,
        ["mode"] = "snn",
        ["data"] = request.Data ?? training.Data.Set,
        ["train_samples"] = train.Count,
        ["test_samples"] = test.Count,
        ["seed"] = training.Options.Seed,
        ["batch_size"] = training.Options.BatchSize,
        ["optimizer"] = training.Options.Optimizer.Kind.ToString(),
        ["learning_rate"] = training.Options.Optimizer.LearningRate,
        ["grapes"] = training.Options.Grapes.Enabled ? training.Options.Grapes.Version.ToString() : "off",
        ["steps"] = training.Options.Bptt.Steps,
        ["encoder"] = training.Encoder.Kind,
        ["loss"] = training.Options.Bptt.Loss.ToString(),
        ["surrogate"] = training.Surrogate,
        ["reset"] = training.Reset.ToString(),
        ["truncation"] = training.Options.Bptt.Truncation,
        ["threads"] = training.Options.Bptt.Threads,
    };
}
