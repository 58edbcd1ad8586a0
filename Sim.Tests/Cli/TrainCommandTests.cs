using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Serialization;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Tests.Cli;

/// <summary>End-to-end runs of <c>neurosim train</c> / <c>eval</c> on a small network and sample slice.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private const string Network = """
        // 784-16-10 on the bundled sample, for the CLI tests.
        {
          "name": "tiny-mlp",
          "populations": [
            { "name": "in", "size": 784, "kind": "input" },
            { "name": "h", "size": 16, "kind": "relu" },
            { "name": "out", "size": 10, "kind": "linear" },
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": true },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": false },
          ],
          "training": {
            "epochs": 3, "batch_size": 32, "seed": 5,
            "optimizer": { "kind": "adam", "lr": 0.002 },
            "grapes": { "enabled": true },
            "dropout": 0.1,
            "data": { "set": "mnist-sample", "train_limit": 600, "test_limit": 300 },
            "checkpoint": { "every_epochs": 1 },
          },
        }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("neurosim-train-").FullName;
    private readonly string file;

    public TrainCommandTests()
    {
        file = Path.Combine(folder, "tiny.json");
        File.WriteAllText(file, Network);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Train_SmallNetwork_WritesMetricsPlotAndSynapses()
    {
        string outDir = Path.Combine(folder, "run");

        int code = Program.Main(["train", file, "--out", outDir]);

        Assert.Equal(ExitCodes.Ok, code);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!;
        var epochs = metrics["epochs"]!.AsArray();
        Assert.Equal(3, epochs.Count);
        // 600 digits, 3 epochs of a 16-unit network: far above chance (0.1) and rising, not yet converged.
        Assert.All(epochs, e => Assert.InRange(e!["test_accuracy"]!.GetValue<double>(), 0.2, 1.0));
        Assert.True(epochs[2]!["test_accuracy"]!.GetValue<double>() > epochs[0]!["test_accuracy"]!.GetValue<double>());
        Assert.True(new FileInfo(Path.Combine(outDir, "accuracy.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(outDir, "synapses.msgpack")));
    }

    [Fact]
    public void SynapseFile_TrainSaveLoadEvaluate_GivesIdenticalPredictions()
    {
        string outDir = Path.Combine(folder, "reload");
        Assert.Equal(ExitCodes.Ok, Program.Main(["train", file, "--out", outDir, "--epochs", "2"]));
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!;
        double finalAccuracy = metrics["epochs"]![1]!["test_accuracy"]!.GetValue<double>();

        var (spec, store) = SynapseFileGateway.Load(Path.Combine(outDir, "synapses.msgpack"));
        var training = AnnSession.ReadTraining(spec);
        var (_, test) = AnnSession.LoadData(training.Data, null, file);
        var trainer = new AnnTrainer(AnnNetworkBuilder.Build(spec, store), training.Options);
        var predictions = new int[test.Count];
        var (_, accuracy) = trainer.Evaluate(test, predictions);

        // Same arrays, same batch size, same BLAS calls: the accuracy must be reproduced exactly, and so must
        // every prediction (checked against a second evaluation of a second load).
        Assert.Equal(finalAccuracy, accuracy);
        var (spec2, store2) = SynapseFileGateway.Load(Path.Combine(outDir, "synapses.msgpack"));
        var again = new int[test.Count];
        new AnnTrainer(AnnNetworkBuilder.Build(spec2, store2), training.Options).Evaluate(test, again);
        Assert.Equal(predictions, again);
        Assert.Equal(ExitCodes.Ok, Program.Main(["eval", Path.Combine(outDir, "synapses.msgpack")]));
    }

    [Fact]
    public void Train_ResumeFromCheckpoint_EndsWithSameWeightsAsUninterrupted()
    {
        string straight = Path.Combine(folder, "straight"), first = Path.Combine(folder, "first");
        string resumed = Path.Combine(folder, "resumed");
        Assert.Equal(ExitCodes.Ok, Program.Main(["train", file, "--out", straight]));
        Assert.Equal(ExitCodes.Ok, Program.Main(["train", file, "--out", first, "--epochs", "1"]));

        int code = Program.Main(["train", file, "--out", resumed, "--resume",
            Path.Combine(first, "checkpoint.msgpack")]);

        Assert.Equal(ExitCodes.Ok, code);
        var a = SynapseFile.Load(Path.Combine(straight, "synapses.msgpack")).Store;
        var b = SynapseFile.Load(Path.Combine(resumed, "synapses.msgpack")).Store;
        foreach (var projection in a.Projections)
        {
            Assert.Equal(projection.Weight, b[projection.Name].Weight);
            Assert.Equal(projection.Bias, b[projection.Name].Bias);
        }

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(resumed, "metrics.json")))!;
        Assert.Equal(3, metrics["epochs"]!.AsArray().Count);
    }

    [Fact]
    public void Train_BadTrainingSection_ExitsBadInputNamingPathAndValue()
    {
        string bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, Network.Replace("\"kind\": \"adam\"", "\"kind\": \"adamw\"")
            .Replace("\"batch_size\": 32", "\"batch_size\": 0"));
        var (code, _, error) = CliTestSupport.Capture(
            () => Program.Main(["train", bad, "--out", Path.Combine(folder, "bad")]));

        Assert.Equal(ExitCodes.BadInput, code);
        string message = error;
        Assert.Contains("$.training.optimizer.kind", message);
        Assert.Contains("adamw", message);
        Assert.Contains("$.training.batch_size", message);
    }

    // A linear network with MSE and learning rate 10 grows its weights geometrically until they overflow.
    private string WildNetwork(string name)
    {
        string wild = Path.Combine(folder, name);
        File.WriteAllText(wild, Network.Replace("\"kind\": \"adam\", \"lr\": 0.002", "\"kind\": \"sgd\", \"lr\": 10")
            .Replace("\"kind\": \"relu\"", "\"kind\": \"linear\"")
            .Replace("\"seed\": 5,", "\"seed\": 5, \"loss\": \"mse\","));
        return wild;
    }

    [Fact]
    public void Train_HugeLearningRate_ExitsDiverged()
    {
        string wild = WildNetwork("wild.json");

        int code = Program.Main(["train", wild, "--out", Path.Combine(folder, "wild")]);

        Assert.Equal(ExitCodes.Diverged, code);
    }

    [Fact]
    public void Train_DivergesInFirstEpoch_StillWritesMetricsFileWithNoRows()
    {
        // ANN train rewrites metrics.json after a divergence (the shared epoch loop's writeMetricsOnDivergence), so
        // a run that diverges before any epoch completes still leaves its facts and an empty epoch list.
        string wild = WildNetwork("wild-metrics.json");
        string outDir = Path.Combine(folder, "wild-metrics");

        var (code, _, error) = CliTestSupport.Capture(() => Program.Main(["train", wild, "--out", outDir]));

        Assert.Equal(ExitCodes.Diverged, code);
        Assert.Contains("diverged", error);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!;
        Assert.Equal("tiny-mlp", (string?)metrics["network"]);
        Assert.Empty(metrics["epochs"]!.AsArray());
    }
}
