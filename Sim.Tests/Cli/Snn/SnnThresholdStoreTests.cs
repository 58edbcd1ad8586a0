using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Snn;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Spiking;
using NeuroSim.Tests.Core.Serialization;

namespace NeuroSim.Tests.Cli.Snn;

/// <summary>
/// Trained thresholds travel in the synapse store (format 1.1): eval of a synapse file reproduces the trainer's
/// final test figures, older files without the field still load (with the file's thresholds), and a resume from
/// a format-1.0 checkpoint (thresholds in its optimiser state) ends like a resume from a 1.1 one.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SnnThresholdStoreTests : IDisposable
{
    // 784-16-10 leaky SNN, T = 5, Adam, trained thresholds; checkpoints every epoch.
    private const string SmallSnn = """
        {
          "name": "threshold-snn",
          "simulation": { "dt": "1 ms", "duration": "5 ms", "seed": 1 },
          "populations": [
            { "name": "in", "size": 784, "kind": "input" },
            { "name": "h", "size": 16, "kind": "leaky", "params": { "tau_m": "20 ms", "threshold": 1 } },
            { "name": "out", "size": 10, "kind": "leaky", "params": { "tau_m": "20 ms", "threshold": 0.5 } }
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } }
          ],
          "training": {
            "mode": "snn", "epochs": 2, "batch_size": 32, "seed": 3,
            "optimizer": { "kind": "adam", "lr": 0.01 },
            "data": { "set": "mnist-sample", "train_limit": 96, "test_limit": 64 },
            "checkpoint": { "every_epochs": 1 },
            "snn": { "steps": 5, "train_threshold": true }
          }
        }
        """;

    private readonly TempFolder _temp = new("snn-threshold-store-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private string Train(string name, params string[] extra)
    {
        string network = Path.Combine(_dir, "snn.json");
        File.WriteAllText(network, SmallSnn);
        string outDir = Path.Combine(_dir, name);
        var (code, _, error) = CliTestSupport.Capture(
            () => Program.Main(["train", network, "--out", outDir, .. extra]));
        Assert.True(code == ExitCodes.Ok, error.ToString());

        return outDir;
    }

    [Fact]
    public void Eval_TrainedThresholdsOneEpoch_ReproducesTrainersFinalTestFiguresExactly()
    {
        // Oracle: metrics.json's final test accuracy and loss, written by the trainer from its live layers; eval
        // rebuilds the layers from the synapse file alone. Tolerance: none (same arithmetic, same order).
        string outDir = Train("one", "--epochs", "1");
        string file = Path.Combine(outDir, "synapses.msgpack");
        var last = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")))!["epochs"]!.AsArray()[^1]!;

        var (_, loss, accuracy, _) = SnnEvalCommand.Evaluate(file, null, null);

        Assert.Equal((double)last["test_accuracy"]!, accuracy);
        Assert.Equal((double)last["test_loss"]!, loss);

        // The thresholds were trained (no longer the file's 1 and 0.5) and are in the file: without them (what a
        // format-1.0 file held) the same weights evaluate to another loss, so the check above can fail.
        var contents = SynapseFile.Load(file, CliLoadOptions.Default);
        Assert.True(contents.Store.TryGetNeuronParameter("h", SpikingNetworkBuilder.ThresholdParameter,
            out float[] hidden));
        Assert.True(contents.Store.TryGetNeuronParameter("out", SpikingNetworkBuilder.ThresholdParameter,
            out float[] readout));
        Assert.Contains(hidden, v => v != 1f);
        Assert.Contains(readout, v => v != 0.5f);
        string stripped = Path.Combine(_dir, "stripped.msgpack");
        SynapseFile.Save(stripped, contents.Network, new SynapseStore(contents.Store.Projections));
        Assert.NotEqual(loss, SnnEvalCommand.Evaluate(stripped, null, null).Loss);
    }

    [Fact]
    public void Eval_FormatV10SnnFileWithoutThresholds_LoadsWithTheFileThresholds()
    {
        // Fixture: a 784-3-10 leaky network trained one epoch with train_threshold by NeuroSim before format 1.1
        // (its trained thresholds were not saved). It must still load; eval uses the file's thresholds and gives
        // what that NeuroSim's eval printed (loss 4.7159, accuracy 0; 16 test digits). Tolerance 5e-5: the
        // printed 4 decimals.
        string fixture = Fixture("snn-synapses-v1.0.msgpack");
        var contents = SynapseFile.Load(fixture, CliLoadOptions.Default);
        Assert.Equal(new FormatVersion(1, 0), contents.Version);
        Assert.Empty(contents.Store.NeuronParameters);

        var (name, loss, accuracy, test) = SnnEvalCommand.Evaluate(fixture, null, null);

        Assert.Equal("old-snn", name);
        Assert.Equal(16, test.Count);
        Assert.Equal(0.0, accuracy);
        Assert.Equal(4.7159, loss, 5e-5);
    }

    [Fact]
    public void Resume_FormatV10CheckpointWithThresholdsInOptimizerState_EndsLikeV11Resume()
    {
        // A format-1.0 SNN checkpoint held the trained thresholds as "threshold.L" in its optimiser state and not
        // in the store. Rewrite the 1.1 checkpoint of epoch 1 that way (minor version 0 in the header) and resume
        // from both: the final weights and thresholds must be bitwise equal.
        string first = Train("first", "--epochs", "1");
        string checkpointPath = Path.Combine(first, "checkpoint.msgpack");
        var current = Checkpoint.Load(checkpointPath, CliLoadOptions.Default);
        var old = new Checkpoint(current.Network, new SynapseStore(current.Weights.Projections))
        {
            Trainer = current.Trainer, Epoch = current.Epoch, Batch = current.Batch,
        };
        foreach (var (key, value) in current.OptimizerState)
        {
            old.OptimizerState[key] = value;
        }

        old.OptimizerState["threshold.0"] = Parameter(current.Weights, "h");
        old.OptimizerState["threshold.1"] = Parameter(current.Weights, "out");
        foreach (var (key, value) in current.RngState)
        {
            old.RngState[key] = value;
        }

        foreach (var (key, value) in current.Blobs)
        {
            old.Blobs[key] = value;
        }

        foreach (var (key, value) in current.Metadata)
        {
            old.Metadata[key] = value;
        }

        string oldPath = Path.Combine(_dir, "old-checkpoint.msgpack");
        old.Save(oldPath);
        byte[] image = File.ReadAllBytes(oldPath);
        image[14] = 0; // minor version 1 -> 0
        ContainerFileTests.Reseal(image);
        File.WriteAllBytes(oldPath, image);
        Assert.Equal(new FormatVersion(1, 0), Checkpoint.Load(oldPath, CliLoadOptions.Default).Version);

        var a = SynapseFile.Load(Path.Combine(Train("new", "--resume", checkpointPath), "synapses.msgpack"),
            CliLoadOptions.Default).Store;
        var b = SynapseFile.Load(Path.Combine(Train("old", "--resume", oldPath), "synapses.msgpack"),
            CliLoadOptions.Default).Store;

        SynapseSamples.AssertSame(a, b);
        Assert.Equal(Parameter(a, "h"), Parameter(b, "h"));
        Assert.Equal(Parameter(a, "out"), Parameter(b, "out"));
        Assert.NotEqual(Parameter(current.Weights, "h"), Parameter(a, "h")); // epoch 2 trained them further
    }

    private static float[] Parameter(SynapseStore store, string population) =>
        store.TryGetNeuronParameter(population, SpikingNetworkBuilder.ThresholdParameter, out float[] values)
            ? values
            : throw new Xunit.Sdk.XunitException($"no thresholds for '{population}' in the store");
}
