using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Cli.Snn;
using NeuroSim.Core.Network;
using NeuroSim.Core.Random;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli.Snn;

[Collection(ProcessStateCollection.Name)]
public class SnnRunCommandTests
{
    private const int Steps = 12;

    // 12 inputs -> 8 leaky (optionally recurrent, optionally with bias) -> 4 leaky readout; dt 1 ms, T = 12. With
    // kind "snu" (or "ssnu") both layers are SNUs with decay 0.8 and the same thresholds; readoutKind, when given,
    // replaces the readout's kind.
    private static string TinyNetwork(string reset, bool recurrent, bool bias, string kind = "leaky",
        string? readoutKind = null, string precision = "float32") => $$"""
        {
          "name": "tiny-snn",
          "simulation": { "dt": "1 ms", "duration": "12 ms", "seed": 1, "precision": "{{precision}}" },
          "populations": [
            { "name": "in", "size": 12, "kind": "input" },
            { "name": "h", "size": 8, "kind": "{{kind}}", "params": { {{Decay(kind, "5 ms")}}, "threshold": 1 } },
            { "name": "out", "size": 4, "kind": "{{readoutKind ?? kind}}",
              "params": { {{Decay(readoutKind ?? kind, "10 ms")}}, "threshold": 0.75 } }
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" }, "bias": {{(bias ? "true" : "false")}} },
            {{(recurrent ? """
            { "name": "h_h", "source": "h", "target": "h",
              "connect": { "rule": "all_to_all", "allow_self": false }, "weight": { "init": "uniform_fan_in" } },
            """ : "")}}
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } }
          ],
          "training": {
            "mode": "snn", "epochs": 1, "batch_size": 4, "seed": 1,
            "optimizer": { "kind": "sgd", "lr": 0.01 }, "data": { "set": "mnist-sample" },
            "snn": { "steps": {{Steps}}, "encoder": { "kind": "poisson", "max_rate": "600 Hz", "seed": 11 },
                     "loss": "count_cross_entropy", "reset": "{{reset}}" }
          }
        }
        """;

    private static string Decay(string kind, string tau) =>
        kind == "leaky" ? $"\"tau_m\": \"{tau}\"" : "\"decay\": 0.8";

    // Hand-set weights drawn from a seed: arbitrary floats (so the float operations must be done in the trainer's
    // order to agree), except with a bias, where they are multiples of 1/64 so that b + Σw is exact in any
    // association (the engine adds b after the delivered sum; the trainer before it).
    // With thresholds, every neuron gets its own θ in [0.5, 1.2) in the store, as train_threshold leaves them.
    private static SynapseFileContents Build(string reset, bool recurrent, bool bias, string kind = "leaky",
        bool thresholds = false, string? readoutKind = null, string precision = "float32")
    {
        var spec = NetworkLoader.LoadFromText(TinyNetwork(reset, recurrent, bias, kind, readoutKind, precision),
            "tiny-snn.json",
            SnnTrainingReader.LoadOptions());
        var store = SynapseStoreBuilder.Build(spec);
        var rng = new SplitMix64(42);
        if (thresholds)
        {
            foreach (var p in spec.Populations.Where(p => p.KindName != "input"))
            {
                store.SetNeuronParameter(p.Name, "threshold",
                    [.. Enumerable.Range(0, p.Size).Select(_ => (float)rng.NextUniform(0.5, 1.2))]);
            }
        }

        foreach (var p in spec.Projections)
        {
            var projection = store[p.Name];
            float[] w = projection.Weight;
            for (int i = 0; i < w.Length; i++)
            {
                double x = rng.NextUniform(-0.4, 0.9);
                w[i] = bias ? MathF.Round((float)x * 64f) / 64f : (float)x;
            }

            if (p.Source == p.Target)
            {
                for (int k = 0; k < projection.PostCount; k++)
                {
                    w[k * projection.PreCount + k] = 0f;
                }
            }

            if (projection.Bias is { } b)
            {
                for (int k = 0; k < b.Length; k++)
                {
                    b[k] = MathF.Round((float)rng.NextUniform(-0.3, 0.5) * 64f) / 64f;
                }
            }
        }

        string file = Path.Combine(Path.GetTempPath(), $"neurosim-snnrun-{Guid.NewGuid():N}.msgpack");
        SynapseFile.Save(file, spec, store);
        var contents = SynapseFile.Load(file, SnnTrainingReader.LoadOptions());
        File.Delete(file);
        return contents;
    }

    private static DataSet TinyData(int count)
    {
        var rng = new SplitMix64(5);
        var inputs = new float[count * 12];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)rng.NextUniform(0, 1);
        }

        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 4)).ToArray();
        return new DataSet("tiny", inputs, labels, 12, 4);
    }

    private static BpttEngine Trainer(SynapseFileContents contents)
    {
        var spec = contents.Network;
        var reader = spec.CreateReader();
        var training = SnnTrainingReader.Read(reader, spec.Training)!;
        training = training with { Encoder = training.Encoder with { DtMs = spec.Simulation.Dt } };
        var network = SpikingNetworkBuilder.Build(spec, contents.Store, training);
        network.PrepareBatch();
        return new BpttEngine(network, training.Encoder.Create(Steps), training.Options.Bptt, 64);
    }

    [Theory]
    [InlineData("subtract", false, false)]
    [InlineData("zero", false, false)]
    [InlineData("subtract", true, false)]
    [InlineData("zero", true, false)]
    [InlineData("subtract", true, true)]
    [InlineData("subtract", false, false, "leaky", true)]
    [InlineData("zero", true, false, "leaky", true)]
    [InlineData("zero", false, false, "snu")]
    [InlineData("zero", true, false, "snu")]
    [InlineData("zero", false, false, "snu", true)]
    [InlineData("zero", true, true, "snu", true)]
    public void Simulate_TinyNetwork_EverySpikeAndMembraneEqualsTrainerAfterLayerLatency(string reset,
        bool recurrent, bool bias, string kind = "leaky", bool thresholds = false)
    {
        // Oracle: the trainer's own forward pass (BpttEngine.Trace) on the same encoded sample (same encoder, seed
        // and key). Tolerance: none. The engine population does the trainer's float operations in the trainer's
        // order, so every spike of every layer (shifted by the layer's depth: one step per layer) and every
        // readout membrane value (SNU: state s) must be equal to the bit; per-neuron thresholds from the store are
        // used by both.
        var contents = Build(reset, recurrent, bias, kind, thresholds);
        var data = TinyData(6);
        var trainer = Trainer(contents);
        int spikes = 0;
        for (int sample = 0; sample < data.Count; sample++)
        {
            var result = SnnRunCommand.Simulate(contents, data, sample);
            var trace = trainer.Trace(data.Sample(sample), (ulong)sample);
            Assert.Equal(new[] { 0, 1, 2 }, result.Latency);
            Assert.Equal(Steps + 2, result.EngineSteps);
            AssertSameRaster(trace.Input, 12, result, 0);
            AssertSameRaster(trace.Outputs[0], 8, result, 1);
            AssertSameRaster(trace.Outputs[1], 4, result, 2);
            Assert.Equal(trace.Outputs[1], result.Readout);
            Assert.Equal(trace.Membranes[1], result.ReadoutMembrane);
            spikes += result.SpikeSteps[1].Length + result.SpikeSteps[2].Length;
        }

        Assert.True(spikes > 20, $"the test network should spike (got {spikes} hidden and readout spikes)");

        // The decoded class equals the trainer's prediction for each sample.
        var predictions = new int[data.Count];
        trainer.Predict(data.Inputs, [.. Enumerable.Range(0, data.Count).Select(i => (ulong)i)], data.Count,
            predictions);
        for (int sample = 0; sample < data.Count; sample++)
        {
            Assert.Equal(predictions[sample], SnnRunCommand.Simulate(contents, data, sample).Predicted);
        }
    }

    // Engine spikes of population p at engine step d + t must be the trainer's spikes y[t, ·] (d = p's depth).
    private static void AssertSameRaster(float[] expected, int size, SnnRunResult result, int population,
        int stepCount = Steps)
    {
        int depth = result.Latency[population];
        var actual = new float[stepCount * size];
        long[] steps = result.SpikeSteps[population];
        for (int i = 0; i < steps.Length; i++)
        {
            long t = steps[i] - depth;
            Assert.InRange(t, 0, stepCount - 1);
            actual[t * size + result.SpikeNeurons[population][i]] = 1f;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Run_TrainedMnistSnn_ReproducesEvalPredictionsAndWritesOutputs()
    {
        // A 784-256-10 network trained for one short epoch (256 digits) by `neurosim train`; then `neurosim run
        // synapses.msgpack --sample K` for test digits 0..9 must give the trainer's readout counts and eval's
        // predicted class for each.
        string outDir = Path.Combine(Path.GetTempPath(), $"neurosim-snnrun-{Guid.NewGuid():N}");
        Assert.Equal(ExitCodes.Ok, SnnTrainCommand.Run(new SnnTrainArguments(
            RepoFile("networks/mnist-snn.json"), outDir, Epochs: 1, Seed: 3, Data: null, TrainLimit: 256,
            TestLimit: 10, Threads: 2)));
        string file = Path.Combine(outDir, "synapses.msgpack");
        var contents = SynapseFile.Load(file, SnnTrainingReader.LoadOptions());
        var (_, test) = DataSetLocator.Load(DataSetLocator.MnistSample);
        var subset = test.Take(10);
        var spec = contents.Network;
        var training = SnnTrainingReader.Read(spec.CreateReader(), spec.Training)!;
        var network = SpikingNetworkBuilder.Build(spec, contents.Store, training);
        network.PrepareBatch();
        var engine = new BpttEngine(network, training.Encoder.Create(25), training.Options.Bptt, 10);
        var predictions = new int[10];
        SpikingEvaluation.Accuracy(engine, subset, predictions);
        int readoutSpikes = 0;
        for (int k = 0; k < 10; k++)
        {
            var result = SnnRunCommand.Simulate(contents, subset, k);
            var trace = engine.Trace(subset.Sample(k), (ulong)k);
            Assert.Equal(trace.Outputs[^1], result.Readout);
            Assert.Equal(predictions[k], result.Predicted);
            readoutSpikes += result.Counts.Sum();
        }

        Assert.True(readoutSpikes > 0, "the trained readout should spike");

        // The command itself: outputs and the same prediction for sample 3.
        string runDir = Path.Combine(outDir, "run3");
        Assert.Equal(ExitCodes.Ok, CliTestSupport.Capture(() => RunCommand.Create().Parse(
            [file, "--sample", "3", "--out", runDir]).Invoke()).Code);

        var readout = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "readout.json")))!;
        Assert.Equal(predictions[3], (int)readout["predicted"]!);
        Assert.Equal(2, (int)readout["latency_steps"]!["out"]!);
        Assert.True(new FileInfo(Path.Combine(runDir, "raster.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(runDir, "spikes.npz")).Length > 100);
        Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public void Simulate_TrainedSnuWithTrainedThresholds_EverySpikeEqualsTrainer()
    {
        // A 784-16-10 SNU network trained one short epoch with train_threshold by `neurosim train`: the synapse
        // file carries the trained thresholds, and the engine run of test digits 0..9 gives the trainer's hidden and
        // readout spikes (shifted by the layer latency) and eval's predicted class. Tolerance: none (as above).
        string outDir = Path.Combine(Path.GetTempPath(), $"neurosim-snnrun-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outDir);
        string network = Path.Combine(outDir, "snu.json");
        File.WriteAllText(network, SmallSnu);
        Assert.Equal(ExitCodes.Ok, SnnTrainCommand.Run(new SnnTrainArguments(network, outDir, Epochs: 1, Seed: 4,
            Data: null, TrainLimit: 128, TestLimit: 10, Threads: 1)));
        var contents = SynapseFile.Load(Path.Combine(outDir, "synapses.msgpack"), SnnTrainingReader.LoadOptions());
        Assert.True(contents.Store.TryGetNeuronParameter("h", "threshold", out float[] trained));
        Assert.Contains(trained, v => v != 1f);
        var (_, test) = DataSetLocator.Load(DataSetLocator.MnistSample);
        var subset = test.Take(10);
        var spec = contents.Network;
        var training = SnnTrainingReader.Read(spec.CreateReader(), spec.Training)!;
        var built = SpikingNetworkBuilder.Build(spec, contents.Store, training);
        Assert.Same(trained, built.Layers[0].Threshold);
        built.PrepareBatch();
        var engine = new BpttEngine(built, training.Encoder.Create(8), training.Options.Bptt, 10);
        var predictions = new int[10];
        SpikingEvaluation.Accuracy(engine, subset, predictions);
        int spikes = 0;
        for (int k = 0; k < 10; k++)
        {
            var result = SnnRunCommand.Simulate(contents, subset, k);
            var trace = engine.Trace(subset.Sample(k), (ulong)k);
            AssertSameRaster(trace.Outputs[0], 16, result, 1, 8);
            Assert.Equal(trace.Outputs[^1], result.Readout);
            Assert.Equal(trace.Membranes[^1], result.ReadoutMembrane);
            Assert.Equal(predictions[k], result.Predicted);
            spikes += result.SpikeSteps[1].Length + result.Counts.Sum();
        }

        Assert.True(spikes > 0, "the trained SNU network should spike");
        Directory.Delete(outDir, recursive: true);
    }

    private const string SmallSnu = """
        {
          "name": "small-snu",
          "simulation": { "dt": "1 ms", "duration": "8 ms", "seed": 1 },
          "populations": [
            { "name": "in", "size": 784, "kind": "input" },
            { "name": "h", "size": 16, "kind": "snu", "params": { "decay": 0.8, "threshold": 1 } },
            { "name": "out", "size": 10, "kind": "snu", "params": { "decay": 0.8, "threshold": 1 } }
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } }
          ],
          "training": {
            "mode": "snn", "epochs": 1, "batch_size": 32, "seed": 4,
            "optimizer": { "kind": "adam", "lr": 0.01 }, "data": { "set": "mnist-sample" },
            "snn": { "steps": 8, "encoder": { "kind": "poisson", "max_rate": "1000 Hz", "seed": 7 },
                     "surrogate": { "kind": "tanh", "scale": 1 }, "train_threshold": true }
          }
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Simulate_SoftSnuReadout_EveryOutputAndStateEqualsTrainer(bool thresholds)
    {
        // An sSNU readout's output y = σ(s − θ) is real-valued and goes nowhere, so the engine runs it and reads y
        // from the population's state. Oracle: the trainer's forward pass; tolerance none: the hidden SNU spikes, the
        // readout outputs y and states s equal the trainer's to the bit, and the predicted class is the trainer's.
        var contents = Build("zero", false, false, "snu", thresholds, readoutKind: "ssnu");
        var data = TinyData(6);
        var trainer = Trainer(contents);
        var predictions = new int[data.Count];
        trainer.Predict(data.Inputs, [.. Enumerable.Range(0, data.Count).Select(i => (ulong)i)], data.Count,
            predictions);
        for (int sample = 0; sample < data.Count; sample++)
        {
            var result = SnnRunCommand.Simulate(contents, data, sample);
            var trace = trainer.Trace(data.Sample(sample), (ulong)sample);
            AssertSameRaster(trace.Outputs[0], 8, result, 1);
            Assert.Empty(result.SpikeSteps[2]); // soft units emit no spikes
            Assert.Equal(trace.Outputs[1], result.Readout);
            Assert.Equal(trace.Membranes[1], result.ReadoutMembrane);
            Assert.Contains(result.Readout, y => y > 0f && y < 1f);
            Assert.Equal(predictions[sample], result.Predicted);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Simulate_SoftSnuWhoseOutputIsDelivered_RefusedNamingKindAndReason(bool recurrent)
    {
        // A hidden (or recurrent) sSNU's output σ(s − θ) would have to reach other neurons as a real number at
        // every step; the engine's spikes add whole weights, so the run is refused rather than approximated.
        var contents = Build("zero", recurrent, false, "ssnu");

        var ex = Assert.Throws<NetworkValidationException>(() => SnnRunCommand.Simulate(contents, TinyData(3), 0));

        Assert.Contains("$.populations[1].kind", ex.Message);
        Assert.Contains("runs soft SNUs only as the readout without recurrent weights", ex.Message);
        Assert.Contains("ssnu", ex.Message);
    }

    [Fact]
    public void Simulate_RecurrentSoftSnuReadout_Refused()
    {
        // The tiny network with a recurrent projection onto its sSNU readout.
        var spec = TinyNetwork("zero", false, false, "snu", "ssnu").Replace("{ \"name\": \"h_out\",",
            "{ \"name\": \"out_out\", \"source\": \"out\", \"target\": \"out\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": 0.1 }, { \"name\": \"h_out\",");
        var network = NetworkLoader.LoadFromText(spec, "recurrent-ssnu.json", SnnTrainingReader.LoadOptions());
        string file = Path.Combine(Path.GetTempPath(), $"neurosim-snnrun-{Guid.NewGuid():N}.msgpack");
        SynapseFile.Save(file, network, SynapseStoreBuilder.Build(network));
        var contents = SynapseFile.Load(file, SnnTrainingReader.LoadOptions());
        File.Delete(file);

        var ex = Assert.Throws<NetworkValidationException>(() => SnnRunCommand.Simulate(contents, TinyData(3), 0));

        Assert.Contains("$.populations[2].kind", ex.Message);
        Assert.Contains("runs soft SNUs only as the readout without recurrent weights", ex.Message);
    }

    [Fact]
    public void Run_SampleOutOfRange_BadInputNamingTheRange()
    {
        var contents = Build("subtract", false, false);
        var ex = Assert.Throws<ArgumentException>(() => SnnRunCommand.Simulate(contents, TinyData(3), 3));
        Assert.Contains("[0, 2]", ex.Message);
    }

    private static string RepoFile(string relative) => Path.Combine(NetworkTexts.RepoRoot, relative);

    [Fact]
    public void Simulate_FileSaysFloat64_RunsTrainedLayersInFloat32()
    {
        // Breaker finding: train ignores simulation.precision, so a trained file may carry "float64"; run --sample
        // refused it (trained layers have no float64 kernel). It now runs them in float32, like the trainer.
        var data = TinyData(6);
        var plain = SnnRunCommand.Simulate(Build("subtract", true, false), data, 2);
        var marked = SnnRunCommand.Simulate(Build("subtract", true, false, precision: "float64"), data, 2);
        Assert.Equal(plain.Readout, marked.Readout);
        Assert.Equal(plain.Counts, marked.Counts);
    }
}
