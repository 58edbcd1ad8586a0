using System.Globalization;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Core.Serialization;
using NeuroSim.Tests.Core.Serialization;

namespace NeuroSim.Tests.Cli;

[Collection(ProcessStateCollection.Name)]
public sealed class InspectCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inspect-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_SynapseFileWithThresholds_PrintsNeuronParameters()
    {
        var network = NeuroSim.Core.Network.NetworkLoader.LoadFromText(NeuronParameterFileTests.Spiking, "t.json");
        var store = NeuroSim.Core.Synapses.SynapseStoreBuilder.Build(network);
        store.SetNeuronParameter("h", "threshold", [0.5f, 1f, 1.25f, 0.75f]);
        string file = Path.Combine(_folder, "thresholds.msgpack");
        SynapseFile.Save(file, network, store);
        var stdout = new StringWriter();

        Assert.Equal(ExitCodes.Ok, InspectCommand.Run(file, stdout, TextWriter.Null));

        Assert.Contains("neuron params    h.threshold [4] 0.5..1.25", stdout.ToString());
    }

    [Fact]
    public void Run_SynapseFile_PrintsVersionNetworkMetadataAndProjectionStatistics()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Sparse);
        string file = Path.Combine(_folder, "synapses.msgpack");
        SynapseFile.Save(file, network, store, new Dictionary<string, object> { ["mode"] = "snn", ["epoch"] = 4 });
        var stdout = new StringWriter();

        int code = InspectCommand.Run(file, stdout, TextWriter.Null);

        string text = stdout.ToString();
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("synapse file (format 1.1)", text);
        Assert.Contains("sparse-mix (2 populations, 3 projections", text);
        Assert.Contains("epoch = 4, mode = \"snn\"", text);
        string row = text.Split('\n').Single(l => l.StartsWith("ba ", StringComparison.Ordinal));
        float[] w = store["ba"].Weight;
        double mean = w.Average(v => (double)v);
        double std = Math.Sqrt(w.Average(v => (v - mean) * (v - mean)));
        string[] expected = ["b -> a", "sparse", "[12, 7]", w.Length.ToString(CultureInfo.InvariantCulture),
            G6(w.Min()), G6(w.Max()), G6(mean), G6(std), "1.5"];
        foreach (string cell in expected)
        {
            Assert.Contains(cell, row);
        }
    }

    [Fact]
    public void Run_Checkpoint_PrintsTrainerState()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        var checkpoint = new Checkpoint(network, store) { Trainer = "ann", Epoch = 3, Batch = 17 };
        checkpoint.OptimizerState["adam.m/in_h.weight"] = new float[30];
        checkpoint.RngState["shuffle"] = [1, 2, 3, 4];
        string file = Path.Combine(_folder, "checkpoint.msgpack");
        checkpoint.Save(file);
        var stdout = new StringWriter();

        int code = InspectCommand.Run(file, stdout, TextWriter.Null);

        string text = stdout.ToString();
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("checkpoint (format 1.1)", text);
        Assert.Contains("ann, next epoch 3, next batch 17", text);
        Assert.Contains("adam.m/in_h.weight [30]", text);
        Assert.Contains("shuffle [4]", text);
        Assert.Contains("[5, 6]", text);
    }

    [Fact]
    public void Run_TruncatedFile_BadInputCodeAndMessageNamingFile()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string file = Path.Combine(_folder, "synapses.msgpack");
        SynapseFile.Save(file, network, store);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        var stderr = new StringWriter();

        int code = InspectCommand.Run(file, TextWriter.Null, stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"neurosim: {file}: truncated", stderr.ToString());
    }

    private static string G6(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
