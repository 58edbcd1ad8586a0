using System.CommandLine;
using System.Text.Json.Nodes;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Blas;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// <c>neurosim train FILE --out DIR</c>: trains a rate (ANN) network described by FILE on its data set and writes
/// DIR/metrics.json, DIR/accuracy.png and DIR/synapses.msgpack. Steps: load and validate the file (training
/// section included), build the synapse store and the layer chain over it, draw the initial weights from the
/// training seed, load the data, then per epoch train (progress bar), evaluate on the test set, print a row and
/// rewrite metrics.json; finally save the synapses and the plot.
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "network file (JSON) with a training section" };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var epochs = new Option<string?>("--epochs") { Description = "override training.epochs (>= 1)" };
        var seed = new Option<string?>("--seed") { Description = "override training.seed (>= 0)" };
        var data = new Option<string?>("--data")
        {
            Description = "data set: mnist-sample, fashion-mnist, or a folder of IDX files (overrides the file)",
        };
        var trainLimit = new Option<string?>("--train-limit")
        {
            Description = "use only the first N training samples",
        };
        var testLimit = new Option<string?>("--test-limit") { Description = "use only the first N test samples" };
        var threads = new Option<string?>("--threads")
        {
            Description = "threads, 1 .. 256 (ANN: OpenBLAS, default all cores; SNN: BPTT workers)",
        };
        var tasks = new Option<string?>("--tasks")
        {
            Description = "continual learning: train on N pixel-permuted versions of the data in turn (task 1 " +
                "unpermuted), the file's epochs per task, and write the accuracy matrix and forgetting (ANN only)",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "continue from a checkpoint.msgpack written by an earlier run (same options)",
        };
        var command = new Command("train", "Train a rate (ANN) or spiking (SNN) network from a network file.")
        {
            file, output, epochs, seed, data, trainLimit, testLimit, threads, tasks, resume,
        };
        command.SetAction(parsed =>
        {
            // Numeric options are parsed here so that "1e23" or "-1" get one line naming the option and value.
            var problems = new List<string>();
            long? Whole(Option<string?> option, long min, long max)
            {
                bool ok = OptionChecks.TryParseWhole(option.Name, parsed.GetValue(option), min, max, out long? v,
                    out string why);
                if (!ok)
                {
                    problems.Add(why);
                }

                return v;
            }

            var request = new TrainRequest(parsed.GetValue(file)!, parsed.GetValue(output)!,
                (int?)Whole(epochs, 1, int.MaxValue), Whole(seed, 0, long.MaxValue), parsed.GetValue(data),
                (int?)Whole(trainLimit, 1, int.MaxValue), (int?)Whole(testLimit, 1, int.MaxValue),
                (int?)Whole(threads, 1, 256), (int?)Whole(tasks, 2, 1000), parsed.GetValue(resume));
            if (problems.Count > 0)
            {
                Console.Error.WriteLine($"neurosim: {problems[0]}");
                return ExitCodes.Usage;
            }

            return Run(request);
        });
        return command;
    }

    private sealed record TrainRequest(string File, string Out, int? Epochs, long? Seed, string? Data,
        int? TrainLimit, int? TestLimit, int? Threads, int? Tasks, string? Resume);

    private static int Run(TrainRequest request)
    {
        if (UsageProblem(request) is string usage)
        {
            Console.Error.WriteLine($"neurosim: {usage}");
            return ExitCodes.Usage;
        }

        if (Snn.SnnTrainCommand.Claims(request.File))
        {
            // Spiking networks (training.mode = "snn") train by BPTT in Sim.Cli/Snn.
            if (request.Tasks is not null)
            {
                Console.Error.WriteLine($"neurosim: --tasks is not supported in SNN mode ({request.File} has " +
                    "training.mode = \"snn\"); continual learning runs on ANN networks only");
                return ExitCodes.Usage;
            }

            return Snn.SnnTrainCommand.Run(new Snn.SnnTrainArguments(request.File, request.Out, request.Epochs,
                request.Seed, request.Data, request.TrainLimit, request.TestLimit, request.Threads, request.Resume));
        }

        NetworkSpec spec;
        AnnNetwork network;
        SynapseStore store;
        AnnTrainingSpec training;
        Encoders.Data.DataSet train, test;
        Checkpoint? checkpoint;
        try
        {
            if (!TrainingSetup.TryLoad(request.File, request.Resume, AnnCheckpoint.Load, out spec, out checkpoint))
            {
                return ExitCodes.BadInput;
            }

            if (!AnnSession.IsRateNetwork(spec))
            {
                Console.Error.WriteLine($"neurosim: {request.File}: ANN training needs rate populations only " +
                    "(input, relu, leaky_relu, tanh, sigmoid, linear)");
                return ExitCodes.BadInput;
            }

            training = ApplyOverrides(AnnSession.ReadTraining(spec), request);
            store = checkpoint?.Weights ?? SynapseStoreBuilder.Build(spec);
            network = AnnNetworkBuilder.Build(spec, store);
            if (checkpoint is null)
            {
                AnnNetworkBuilder.Reinitialise(spec, network, training.Options.Seed);
            }
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

        if (request.Threads is int t)
        {
            Gemm.SetThreads(t);
        }

        if (request.Tasks is int taskCount)
        {
            return PermutedTasks.Run(request.Out, spec, network, training, train, test, taskCount,
                Facts(request, spec, training, train, test));
        }

        return Train(request, spec, store, network, training, train, test, checkpoint);
    }

    // Out-of-range numeric options: the first one found, named with the value given.
    private static string? UsageProblem(TrainRequest r) =>
        TrainingSetup.UsageProblem(r.Epochs, r.Seed, r.TrainLimit, r.TestLimit, r.Threads)
        ?? OptionChecks.AtLeast("--tasks", r.Tasks, 2);

    private static AnnTrainingSpec ApplyOverrides(AnnTrainingSpec t, TrainRequest r)
    {
        var data = t.Data with
        {
            TrainLimit = r.TrainLimit ?? t.Data.TrainLimit,
            TestLimit = r.TestLimit ?? t.Data.TestLimit,
        };
        return t with
        {
            Epochs = r.Epochs ?? t.Epochs,
            Options = t.Options with { Seed = r.Seed is long s ? (ulong)s : t.Options.Seed },
            Data = data,
        };
    }

    private static int Train(TrainRequest request, NetworkSpec spec, SynapseStore store, AnnNetwork network,
        AnnTrainingSpec training, Encoders.Data.DataSet train, Encoders.Data.DataSet test, Checkpoint? checkpoint)
    {
        var trainer = new AnnTrainer(network, training.Options);
        var loop = new EpochLoop(trainer, request.Out, request.Resume);
        if (checkpoint is not null
            && !loop.TryResume(() => AnnCheckpoint.Restore(checkpoint, trainer, request.Resume!)))
        {
            return ExitCodes.BadInput;
        }

        var facts = Facts(request, spec, training, train, test);
        Console.WriteLine($"{spec.Name}: {string.Join("-", network.Sizes())}, {train.Count} training / {test.Count} " +
            $"test samples, {training.Epochs} epochs, BLAS: {Gemm.BackendName}");
        int code = loop.Run(train, test, training.Epochs, training.CheckpointEvery, facts,
            (path, nextEpoch, rows) => AnnCheckpoint.Save(path, spec, store, trainer, nextEpoch, rows),
            writeMetricsOnDivergence: true);
        if (code != ExitCodes.Ok)
        {
            return code;
        }

        var rows = loop.Rows;
        try
        {
            AccuracyPlot.Save(Path.Combine(request.Out, "accuracy.png"), spec.Name, rows);
            var metadata = new Dictionary<string, object>
            {
                ["mode"] = "ann",
                ["seed"] = (long)training.Options.Seed,
                ["epochs"] = rows.Count,
                ["test_accuracy"] = rows.Count > 0 ? rows[^1].TestAccuracy : double.NaN,
            };
            SynapseFileGateway.Save(Path.Combine(request.Out, "synapses.msgpack"), spec, store, metadata);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.OutputFailed;
        }

        loop.Reporter.Finished(rows, request.Out);
        return ExitCodes.Ok;
    }

    private static Dictionary<string, JsonNode?> Facts(TrainRequest request, NetworkSpec spec,
        AnnTrainingSpec training, Encoders.Data.DataSet train, Encoders.Data.DataSet test) => new()
    {
        ["network"] = spec.Name,
        ["file"] = request.File,
        ["data"] = request.Data ?? training.Data.Set,
        ["train_samples"] = train.Count,
        ["test_samples"] = test.Count,
        ["seed"] = training.Options.Seed,
        ["batch_size"] = training.Options.BatchSize,
        ["optimizer"] = training.Options.Optimizer.Kind.ToString(),
        ["learning_rate"] = training.Options.Optimizer.LearningRate,
        ["signal"] = training.Options.Signal.ToString(),
        ["grapes"] = training.Options.Grapes.Enabled ? training.Options.Grapes.Version.ToString() : "off",
        ["dropout"] = training.Options.Dropout,
        ["blas"] = Gemm.BackendName,
        ["blas_threads"] = Gemm.Threads,
    };
}
