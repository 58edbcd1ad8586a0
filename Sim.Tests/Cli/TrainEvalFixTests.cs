using NeuroSim.Cli;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Spiking;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli;

/// <summary>
/// Regression tests for the breaker's train/eval findings fixed on branch fixtrain (findings 2, 5, 7, 10, 11, 12
/// of breaker-findings.md): option ranges, output folder, shared loader options, SNN checkpoints and resume,
/// refused resumes, test-only eval data. The first four are the breaker's own tests from branch `breaker`
/// (assertions kept; the ANN file is now saved with the shared CLI options).
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class TrainEvalFixTests : IDisposable
{
    // 784-16-10 leaky SNN, T = 5 steps, Adam and trained thresholds so that a resume must restore optimiser
    // state, thresholds and the shuffle stream to match an uninterrupted run.
    private const string SmallSnn = """
        {
          "name": "small-snn",
          "simulation": { "dt": "1 ms", "duration": "5 ms", "seed": 1 },
          "populations": [
            { "name": "in", "size": 784, "kind": "input" },
            { "name": "h", "size": 16, "kind": "leaky", "params": { "tau_m": "20 ms", "threshold": 1 } },
            { "name": "out", "size": 10, "kind": "leaky", "params": { "tau_m": "20 ms", "threshold": 1 } },
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
          ],
          "training": {
            "mode": "snn", "epochs": 2, "batch_size": 32, "seed": 3,
            "optimizer": { "kind": "adam", "lr": 0.005 },
            "data": { "set": "mnist-sample", "train_limit": 96, "test_limit": 32 },
            "checkpoint": { "every_epochs": 1 },
            "snn": { "steps": 5, "train_threshold": true },
          },
        }
        """;

    private const string SmallAnn = """
        {
          "name": "small-ann",
          "populations": [
            { "name": "in", "size": 784, "kind": "input" },
            { "name": "h", "size": 16, "kind": "relu" },
            { "name": "out", "size": 10, "kind": "linear" },
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": true },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": true },
          ],
          "training": {
            "epochs": 2, "batch_size": 32, "seed": 5,
            "optimizer": { "kind": "adam", "lr": 0.002 },
            "data": { "set": "mnist-sample", "train_limit": 96, "test_limit": 32 },
            "checkpoint": { "every_epochs": 1 },
          },
        }
        """;

    private readonly TempFolder _temp = new("train-eval-fix-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string Network(string name) => Path.Combine(NetworkTexts.RepoRoot, "networks", name);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Error) Capture(Func<int> action)
    {
        var (code, _, error) = CliTestSupport.Capture(action);
        return (code, error);
    }

    [Fact]
    public void Train_NegativeThreads_UsageErrorWithoutStackTrace()
    {
        var (code, error) = Capture(() => Program.Main(["train", Network("mnist-mlp.json"), "--threads", "-1",
            "--epochs", "1", "--train-limit", "16", "--test-limit", "16", "--out", Path.Combine(_dir, "t")]));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--threads", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Train_SnnResumeFromMissingCheckpoint_BadInput()
    {
        string missing = Path.Combine(_dir, "no-such-checkpoint.msgpack");
        var (code, error) = Capture(() => Program.Main(["train", Network("mnist-snn-grapes.json"), "--resume",
            missing, "--epochs", "1", "--train-limit", "16", "--test-limit", "16", "--out", Path.Combine(_dir, "s")]));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no-such-checkpoint.msgpack", error);
    }

    [Fact]
    public void Eval_SnnSynapseFile_EvaluatesInsteadOfRejectingItsOwnTrainingSection()
    {
        NetworkSpec spec = NetworkLoader.Load(Network("mnist-snn-grapes.json"), SnnTrainingReader.LoadOptions());
        SynapseStore store = SynapseStoreBuilder.Build(spec);
        string file = Path.Combine(_dir, "synapses.msgpack");
        SynapseFile.Save(file, spec, store, new Dictionary<string, object> { ["mode"] = "snn" });

        var (code, error) = Capture(() => Program.Main(["eval", file, "--test-limit", "16"]));

        Assert.True(code == ExitCodes.Ok, $"eval of an SNN synapse file failed with exit {code}: {error}");
    }

    [Fact]
    public void Eval_TestLimitZero_UsageErrorNotNaNAccuracy()
    {
        NetworkSpec spec = NetworkLoader.Load(Network("mnist-mlp.json"), CliLoadOptions.Default);
        string file = Path.Combine(_dir, "ann.msgpack");
        SynapseFile.Save(file, spec, SynapseStoreBuilder.Build(spec), new Dictionary<string, object>());

        var (code, error) = Capture(() => Program.Main(["eval", file, "--test-limit", "0"]));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--test-limit must be >= 1 (got 0)", error);
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be >= 1 (got 0)")]
    [InlineData("--train-limit", "0", "--train-limit must be >= 1 (got 0)")]
    [InlineData("--test-limit", "0", "--test-limit must be >= 1 (got 0)")]
    [InlineData("--seed", "-1", "--seed must be >= 0 (got -1)")]
    [InlineData("--threads", "0", "--threads must be >= 1 (got 0)")]
    [InlineData("--tasks", "1", "--tasks must be >= 2 (got 1)")]
    [InlineData("--threads", "300", "--threads must be a whole number between 1 and 256 (got 300)")]
    [InlineData("--seed", "1e23", "--seed must be a whole number between 0 and 9223372036854775807 (got 1e23)")]
    [InlineData("--epochs", "two", "--epochs must be a whole number between 1 and 2147483647 (got two)")]
    public void Train_OptionOutOfRange_UsageErrorNamingOptionAndValue(string option, string value, string expected)
    {
        foreach (string network in new[] { "mnist-mlp.json", "mnist-snn-grapes.json" })
        {
            var (code, error) = Capture(() => Program.Main(["train", Network(network), option, value,
                "--out", Path.Combine(_dir, "o")]));

            Assert.Equal(ExitCodes.Usage, code);
            Assert.Equal($"neurosim: {expected}", error.Trim());
        }
    }

    [Fact]
    public void Train_SnnWithTasks_UsageErrorNotSupportedInSnnMode()
    {
        var (code, error) = Capture(() => Program.Main(["train", Network("mnist-snn-grapes.json"), "--tasks", "2",
            "--out", Path.Combine(_dir, "o")]));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--tasks is not supported in SNN mode", error);
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("snn")]
    public void Train_OutputFolderNotWritable_OutputFailedOneLineBeforeTraining(string mode)
    {
        // A path below a regular file can never be created (unlike chmod, this holds for root too).
        string blocker = Write("file", "x");
        string network = Write("n.json", mode == "ann" ? SmallAnn : SmallSnn);

        var (code, output, error) = CliTestSupport.Capture(
            () => Program.Main(["train", network, "--out", Path.Combine(blocker, "out")]));

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("not writable", error.ToString());
        Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.DoesNotContain("epoch", output.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Train_SnnResumeFromCheckpoint_EndsWithBitwiseSameWeightsAsUninterrupted()
    {
        // Oracle: resume-equals-uninterrupted, exact (same seed, same arithmetic, same order): 2 epochs straight
        // versus 1 epoch, checkpoint, resume for the second.
        string network = Write("snn.json", SmallSnn);
        string straight = Path.Combine(_dir, "straight"), first = Path.Combine(_dir, "first");
        string resumed = Path.Combine(_dir, "resumed");
        Assert.Equal(ExitCodes.Ok, Capture(() => Program.Main(["train", network, "--out", straight])).Code);
        Assert.Equal(ExitCodes.Ok, Capture(() => Program.Main(["train", network, "--out", first, "--epochs", "1"]))
            .Code);
        var checkpoint = Checkpoint.Load(Path.Combine(first, "checkpoint.msgpack"), CliLoadOptions.Default);
        Assert.Equal("snn", checkpoint.Trainer);
        Assert.Equal(1, checkpoint.Epoch);
        Assert.True(checkpoint.Weights.TryGetNeuronParameter("h", "threshold", out float[] trained));
        Assert.Contains(trained, v => v != 1f); // the trained thresholds travel in the checkpoint's store

        var (code, error) = Capture(() => Program.Main(["train", network, "--out", resumed, "--resume",
            Path.Combine(first, "checkpoint.msgpack")]));

        Assert.True(code == ExitCodes.Ok, error);
        var a = SynapseFile.Load(Path.Combine(straight, "synapses.msgpack"), CliLoadOptions.Default).Store;
        var b = SynapseFile.Load(Path.Combine(resumed, "synapses.msgpack"), CliLoadOptions.Default).Store;
        foreach (var projection in a.Projections)
        {
            Assert.Equal(projection.Weight, b[projection.Name].Weight);
        }

        // The epoch-2 checkpoints agree too: optimiser moments, trained thresholds and the shuffle stream.
        var c = Checkpoint.Load(Path.Combine(straight, "checkpoint.msgpack"), CliLoadOptions.Default);
        var d = Checkpoint.Load(Path.Combine(resumed, "checkpoint.msgpack"), CliLoadOptions.Default);
        Assert.Equal(c.OptimizerState.Keys.Order(), d.OptimizerState.Keys.Order());
        foreach (var (name, values) in c.OptimizerState)
        {
            Assert.Equal(values, d.OptimizerState[name]);
        }

        Assert.Equal(c.RngState["shuffle"], d.RngState["shuffle"]);
        Assert.Equal(c.Weights.NeuronParameters.Count, d.Weights.NeuronParameters.Count);
        foreach (var parameter in c.Weights.NeuronParameters)
        {
            Assert.True(d.Weights.TryGetNeuronParameter(parameter.Population, parameter.Name, out float[] values));
            Assert.Equal(parameter.Values, values);
        }

        Assert.Equal(c.Metadata["optimizer.steps"], d.Metadata["optimizer.steps"]);
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("snn")]
    public void Train_ResumeCheckpointOfAnotherNetwork_BadInputNamingBoth(string mode)
    {
        string text = mode == "ann" ? SmallAnn : SmallSnn;
        string network = Write("a.json", text);
        string other = Write("b.json", text.Replace("\"small-", "\"other-").Replace("\"size\": 16", "\"size\": 24"));
        string first = Path.Combine(_dir, "first");
        Assert.Equal(ExitCodes.Ok, Capture(() => Program.Main(["train", network, "--out", first, "--epochs", "1"]))
            .Code);

        var (code, error) = Capture(() => Program.Main(["train", other, "--out", Path.Combine(_dir, "o"),
            "--resume", Path.Combine(first, "checkpoint.msgpack")]));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"'small-{mode}'", error);
        Assert.Contains($"'other-{mode}'", error);
        Assert.Contains("b.json", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("snn")]
    public void Train_ResumeCheckpointWithNaNOptimizerState_BadInputNamingCheckpointNotLearningRate(string mode)
    {
        string network = Write("n.json", mode == "ann" ? SmallAnn : SmallSnn);
        string first = Path.Combine(_dir, "first");
        Assert.Equal(ExitCodes.Ok, Capture(() => Program.Main(["train", network, "--out", first, "--epochs", "1"]))
            .Code);
        string path = Path.Combine(first, "checkpoint.msgpack");
        var checkpoint = Checkpoint.Load(path, CliLoadOptions.Default);
        checkpoint.OptimizerState["optimizer.0"][3] = float.NaN;
        string poisoned = Path.Combine(_dir, "poisoned.msgpack");
        checkpoint.Save(poisoned);

        var (code, error) = Capture(() => Program.Main(["train", network, "--out", Path.Combine(_dir, "o"),
            "--resume", poisoned]));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("poisoned.msgpack", error);
        Assert.Contains("'optimizer.0' element 3 is NaN", error);
        Assert.DoesNotContain("learning rate", error);
    }

    [Fact]
    public void Eval_DataFolderWithTestFilesOnly_Evaluates()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "t10k-only")).FullName;
        foreach (string name in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
        {
            File.Copy(Path.Combine(NetworkTexts.RepoRoot, "data", "mnist-sample", name), Path.Combine(folder, name));
        }

        NetworkSpec spec = NetworkLoader.Load(Write("ann.json", SmallAnn), CliLoadOptions.Default);
        string file = Path.Combine(_dir, "ann.msgpack");
        SynapseFile.Save(file, spec, SynapseStoreBuilder.Build(spec), new Dictionary<string, object>());

        var (code, error) = Capture(() => Program.Main(["eval", file, "--data", folder, "--test-limit", "16"]));

        Assert.True(code == ExitCodes.Ok, error);
    }

    [Fact]
    public void DivergenceMessage_FirstStepAfterResume_NamesCheckpointNotLearningRate()
    {
        var ex = new TrainingDivergedException("weights", "in_h", 1, 0);

        string resumed = ResumeChecks.DivergenceMessage(ex, "runs/a/checkpoint.msgpack", 1);
        string later = ResumeChecks.DivergenceMessage(
            new TrainingDivergedException("weights", "in_h", 1, 4), "c.msgpack", 1);

        Assert.Contains("resuming from runs/a/checkpoint.msgpack", resumed);
        Assert.DoesNotContain("learning rate", resumed);
        Assert.Equal(ex.Message.Replace("batch 1 ", "batch 5 "), later);
        Assert.Contains("learning rate", ResumeChecks.DivergenceMessage(ex, null, 1));
    }
}
