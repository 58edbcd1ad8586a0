using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Snn;
using NeuroSim.Core.Serialization;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli.Snn;

[Collection(ProcessStateCollection.Name)]
public class SnnTrainCommandTests
{
    private static string RepoFile(string relative) => Path.Combine(NetworkTexts.RepoRoot, relative);

    [Fact]
    public void Claims_SnnModeFile_True_AnnFile_False()
    {
        Assert.True(SnnTrainCommand.Claims(RepoFile("networks/mnist-snn-grapes.json")));
        Assert.False(SnnTrainCommand.Claims(RepoFile("networks/mnist-mlp.json")));
        Assert.False(SnnTrainCommand.Claims("/nonexistent/file.json"));
    }

    [Fact]
    public void Run_GrapesNetworkOnSmallSample_WritesMetricsPlotsAndRaster()
    {
        // One epoch on the first 256 training and 100 test digits of the bundled sample: checks the outputs,
        // not the accuracy (the science runs are in docs/results-snn.md).
        string outDir = Path.Combine(Path.GetTempPath(), $"neurosim-snn-{Guid.NewGuid():N}");
        int code = SnnTrainCommand.Run(new SnnTrainArguments(RepoFile("networks/mnist-snn-grapes.json"), outDir,
            Epochs: 1, Seed: 2, Data: null, TrainLimit: 256, TestLimit: 100, Threads: 2));

        Assert.Equal(ExitCodes.Ok, code);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!;
        Assert.Equal("snn", (string?)metrics["mode"]);
        Assert.Equal("Propagating", (string?)metrics["grapes"]);
        var epochs = metrics["epochs"]!.AsArray();
        Assert.Single(epochs);
        Assert.InRange((double)epochs[0]!["test_accuracy"]!, 0.0, 1.0);
        Assert.True(double.IsFinite((double)epochs[0]!["test_loss"]!));
        Assert.True(new FileInfo(Path.Combine(outDir, "accuracy.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(outDir, "raster.png")).Length > 1000);

        // Reload equals original: the trained weights come back from synapses.msgpack and predict exactly as
        // the network that was saved (same encoder keys, so the same spikes).
        var saved = SynapseFile.Load(Path.Combine(outDir, "synapses.msgpack"));
        Assert.Equal("snn", saved.Metadata["mode"]);
        var reader = saved.Network.CreateReader();
        var training = SnnTrainingReader.Read(reader, saved.Network.Training)!;
        var network = SpikingNetworkBuilder.Build(saved.Network, saved.Store, training);
        network.PrepareBatch();
        Assert.Contains(network.Layers[0].Weights, w => w != 0f);
        var (_, test) = DataSetLocator.Load(DataSetLocator.MnistSample);
        var subset = test.Take(100);
        var engine = new BpttEngine(network, training.Encoder.Create(25), training.Options.Bptt, 50);
        double reloaded = SpikingEvaluation.Accuracy(engine, subset);
        Assert.Equal((double)epochs[0]!["test_accuracy"]!, reloaded, 12);

        // neurosim eval on the file reproduces metrics.json's test accuracy and loss exactly.
        Assert.True(SnnEvalCommand.Claims(Path.Combine(outDir, "synapses.msgpack")));
        var (_, loss, accuracy, _) = SnnEvalCommand.Evaluate(Path.Combine(outDir, "synapses.msgpack"), null, 100);
        Assert.Equal((double)epochs[0]!["test_accuracy"]!, accuracy);
        Assert.Equal((double)epochs[0]!["test_loss"]!, loss);
        Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public void Run_InvalidSection_BadInputWithPath()
    {
        using var temp = new TempFolder("neurosim-snn-bad-");
        string dir = temp.Path;
        string file = Path.Combine(dir, "bad.json");
        File.WriteAllText(file, File.ReadAllText(RepoFile("networks/mnist-snn.json"))
            .Replace("\"steps\": 25", "\"steps\": -3"));
        var (code, _, error) = CliTestSupport.Capture(() => SnnTrainCommand.Run(new SnnTrainArguments(file,
            Path.Combine(dir, "out"), null, null, null, null, null, null)));
        Assert.Equal(ExitCodes.BadInput, code);

        Assert.Contains("$.training.snn.steps", error.ToString());
        Assert.Contains("-3", error.ToString());
    }
}
