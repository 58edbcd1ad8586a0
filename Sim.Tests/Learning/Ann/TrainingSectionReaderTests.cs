using NeuroSim.Core.Network;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Tests.Learning.Ann;

public class TrainingSectionReaderTests
{
    private static string Network(string training) => $$"""
        {
          "populations": [ { "name": "in", "size": 4, "kind": "input" }, { "name": "h", "size": 3, "kind": "tanh" },
                           { "name": "out", "size": 2, "kind": "linear" } ],
          "projections": [
            { "name": "a", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "xavier_uniform" }, "bias": true },
            { "name": "b", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" } } ],
          "training": {{training}}
        }
        """;

    private static NetworkLoadOptions Options() => new() { Training = TrainingSectionReader.Validate };

    [Fact]
    public void Read_FullSection_ParsesEveryField()
    {
        var spec = NetworkLoader.LoadFromText(Network("""
            { "epochs": 7, "batch_size": 16, "seed": 3, "loss": "mse", "dropout": 0.2,
              "optimizer": { "kind": "adam", "lr": 0.001, "betas": [0.8, 0.99], "eps": 1e-7,
                             "schedule": { "kind": "step", "step_epochs": 2, "gamma": 0.5 } },
              "signal": "dfa", "grapes": { "enabled": true, "version": "local" },
              "data": { "set": "fashion-mnist", "train_limit": 100, "test_limit": 50 },
              "checkpoint": { "every_epochs": 2 } }
            """), "net.json", Options());

        var reader = spec.CreateReader();
        AnnTrainingSpec t = TrainingSectionReader.Read(reader, spec.Training)!;

        Assert.False(reader.HasErrors);
        Assert.Equal(7, t.Epochs);
        Assert.Equal(16, t.Options.BatchSize);
        Assert.Equal(3UL, t.Options.Seed);
        Assert.Equal(0.2f, t.Options.Dropout);
        Assert.Equal(OptimizerKind.Adam, t.Options.Optimizer.Kind);
        Assert.Equal(0.8f, t.Options.Optimizer.Beta1);
        Assert.Equal(0.99f, t.Options.Optimizer.Beta2);
        Assert.Equal(0.25f, t.Options.Optimizer.LearningRateAt(4) / 0.001f, 5);
        Assert.Equal(LearningSignal.DirectFeedbackAlignment, t.Options.Signal);
        Assert.Equal(new GrapesSettings { Enabled = true, Version = GrapesVersion.Local }, t.Options.Grapes);
        Assert.Equal("fashion-mnist", t.Data.Set);
        Assert.Equal(100, t.Data.TrainLimit);
        Assert.Equal(2, t.CheckpointEvery);
    }

    [Fact]
    public void Read_NoSection_GivesDefaultsWithGrapesOff()
    {
        var reader = new SpecReader("x.json");
        AnnTrainingSpec t = TrainingSectionReader.Read(reader, null)!;
        Assert.False(t.Options.Grapes.Enabled);
        Assert.Equal(OptimizerKind.Sgd, t.Options.Optimizer.Kind);
        Assert.Equal("mnist-sample", t.Data.Set);
    }

    [Fact]
    public void Load_ThreeMistakes_ReportsAllWithPathsAndValues()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.LoadFromText(Network("""
            { "epochs": 0, "optimizer": { "kind": "sgdd" }, "grapes": { "version": "global" }, "lerning": 1 }
            """), "net.json", Options()));

        string message = ex.Message;
        Assert.Contains("net.json", message);
        Assert.Contains("$.training.epochs", message);
        Assert.Contains("$.training.optimizer.kind", message);
        Assert.Contains("sgdd", message);
        Assert.Contains("$.training.grapes.version", message);
        Assert.Contains("global", message);
        Assert.Contains("$.training.lerning", message);
    }
}
