using System.Globalization;
using System.Text.Json;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Tests.Core.IO;
using NeuroSim.Tests.Core.Serialization;

namespace NeuroSim.Tests.Cli;

[Collection(ProcessStateCollection.Name)]
public sealed class ExportCommandTests : IDisposable
{
    // Prints every array of the .npz as {name: {dtype, shape, values (repr of each, exact for float32)}}.
    private const string Dump = """
        import sys, json, numpy as np
        with np.load(sys.argv[1], allow_pickle=False) as z:
            out = {k: {"dtype": z[k].dtype.str, "shape": list(z[k].shape),
                       "values": [repr(v) for v in z[k].reshape(-1).tolist()]} for k in z.files}
        print(json.dumps(out))
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("export-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(SynapseSamples.Ann)]
    [InlineData(SynapseSamples.Sparse)]
    public void Run_Npz_NumPyReadsIdenticalValues(string json)
    {
        var (network, store) = SynapseSamples.Build(json);
        string file = Save(network, store);

        int code = ExportCommand.Run(file, "npz", null, false, TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, code);
        using JsonDocument doc = JsonDocument.Parse(NumPy.Run(Dump, Path.ChangeExtension(file, "npz")));
        JsonElement root = doc.RootElement;
        Assert.Equal(network.SourceText, System.Text.Encoding.UTF8.GetString(
            Values(root, "network_json", "|u1").Select(v => (byte)v).ToArray()));
        foreach (Projection p in store.Projections)
        {
            Assert.Equal([p.PostCount, p.PreCount], Values(root, $"{p.Name}.shape", "<i8").Select(v => (int)v));
            if (p.Layout == ProjectionLayout.Dense)
            {
                Assert.Equal([p.PostCount, p.PreCount], Shape(root, $"{p.Name}.weight"));
                AssertFloats(p.Weight, Values(root, $"{p.Name}.weight", "<f4"), p.Name);
                AssertFloats(p.Delay, Values(root, $"{p.Name}.delay_ms", "<f4"), p.Name);
            }
            else
            {
                double[] pre = Values(root, $"{p.Name}.pre", "<i4");
                double[] post = Values(root, $"{p.Name}.post", "<i4");
                double[] weight = Values(root, $"{p.Name}.weight", "<f4");
                Assert.Equal(p.SynapseCount, weight.Length);
                for (int k = 0; k < weight.Length; k++)
                {
                    // Each exported (pre, post, weight) triple must be a synapse of the store.
                    Assert.Equal(p.FindWeight((int)pre[k], (int)post[k]), (float)weight[k]);
                }

                AssertFloats(p.Weight, weight, p.Name);
                AssertFloats(p.Delay, Values(root, $"{p.Name}.delay_ms", "<f4"), p.Name);
            }

            if (p.Bias is not null)
            {
                AssertFloats(p.Bias, Values(root, $"{p.Name}.bias", "<f4"), p.Name);
            }
        }
    }

    [Fact]
    public void Run_Json_ValuesReadBackBitIdentical()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        store["in_h"].Weight[3] = -0f; // NaN weights are refused on load since finding 8 (BreakerFixTests)
        store["in_h"].Weight[4] = 1e-40f;
        string file = Save(network, store);
        string output = Path.Combine(_folder, "out.json");

        int code = ExportCommand.Run(file, "json", output, false, TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, code);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement inH = doc.RootElement.GetProperty("projections")[0];
        Assert.Equal("in_h", inH.GetProperty("name").GetString());
        float[] weight = inH.GetProperty("weight").EnumerateArray()
            .SelectMany(row => row.EnumerateArray()).Select(ParseFloat).ToArray();
        SynapseSamples.AssertBits(store["in_h"].Weight, weight, "in_h.weight");
        float[] bias = inH.GetProperty("bias").EnumerateArray().Select(ParseFloat).ToArray();
        SynapseSamples.AssertBits(store["in_h"].Bias!, bias, "in_h.bias");
        Assert.Equal("tiny-mlp", doc.RootElement.GetProperty("network").GetString());
    }

    [Fact]
    public void Run_NpzAndJson_NeuronParametersReadBackBitIdentical()
    {
        // Trained thresholds in the store are exported too: neuron_params.POP.NAME in the .npz (read by NumPy),
        // neuron_parameters in the JSON; values bit for bit.
        var network = NetworkLoader.LoadFromText(NeuronParameterFileTests.Spiking, "thresholds.json");
        var store = SynapseStoreBuilder.Build(network);
        float[] theta = [0.75f, 1.0000001f, -0f, 1e-40f];
        store.SetNeuronParameter("h", "threshold", theta);
        string file = Save(network, store);
        string output = Path.Combine(_folder, "out.json");

        Assert.Equal(ExitCodes.Ok, ExportCommand.Run(file, "npz", null, false, TextWriter.Null, TextWriter.Null));
        Assert.Equal(ExitCodes.Ok, ExportCommand.Run(file, "json", output, false, TextWriter.Null, TextWriter.Null));

        using JsonDocument npz = JsonDocument.Parse(NumPy.Run(Dump, Path.ChangeExtension(file, "npz")));
        AssertFloats(theta, Values(npz.RootElement, "neuron_params.h.threshold", "<f4"), "h.threshold");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement parameter = Assert.Single(json.RootElement.GetProperty("neuron_parameters").EnumerateArray());
        Assert.Equal("h", parameter.GetProperty("population").GetString());
        Assert.Equal("threshold", parameter.GetProperty("name").GetString());
        SynapseSamples.AssertBits(theta, parameter.GetProperty("values").EnumerateArray().Select(ParseFloat).ToArray(),
            "h.threshold");
    }

    [Fact]
    public void Run_JsonAboveLimit_RefusedWithUsageCodeUnlessForced()
    {
        string json = SynapseSamples.Ann.Replace("\"size\": 6", "\"size\": 200001");
        NetworkSpec network = NetworkLoader.LoadFromText(json, "big.json");
        string file = Save(network, SynapseStoreBuilder.Build(network));
        var stderr = new StringWriter();

        int code = ExportCommand.Run(file, "json", null, false, TextWriter.Null, stderr);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("1000020 synapses is more than the JSON export limit of 1000000", stderr.ToString());
        Assert.Contains("--force", stderr.ToString());
        Assert.False(File.Exists(Path.ChangeExtension(file, "json")));
    }

    [Fact]
    public void Run_DamagedFile_BadInputCodeAndOneLineNamingFile()
    {
        string file = Path.Combine(_folder, "bad.msgpack");
        File.WriteAllText(file, "not a synapse file");
        var stderr = new StringWriter();

        int code = ExportCommand.Run(file, "npz", null, false, TextWriter.Null, stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"neurosim: {file}: not a NeuroSim synapse file", stderr.ToString());
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_OutputFolderMissing_OutputFailedCode()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string file = Save(network, store);
        var stderr = new StringWriter();

        int code = ExportCommand.Run(file, "npz", Path.Combine(_folder, "no", "x.npz"), false, TextWriter.Null,
            stderr);

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("cannot write", stderr.ToString());
    }

    private string Save(NetworkSpec network, SynapseStore store)
    {
        string file = Path.Combine(_folder, "synapses.msgpack");
        SynapseFile.Save(file, network, store);
        return file;
    }

    private static float ParseFloat(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "NaN" => float.NaN, "Infinity" => float.PositiveInfinity, _ => float.NegativeInfinity }
        : float.Parse(e.GetRawText(), CultureInfo.InvariantCulture);

    private static int[] Shape(JsonElement root, string name) =>
        [.. root.GetProperty(name).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Values(JsonElement root, string name, string dtype)
    {
        Assert.True(root.TryGetProperty(name, out JsonElement a), $"{name} missing from the npz");
        Assert.Equal(dtype, a.GetProperty("dtype").GetString());
        return [.. a.GetProperty("values").EnumerateArray()
            .Select(e => double.Parse(e.GetString()!, CultureInfo.InvariantCulture))];
    }

    // Exact: numpy's repr of a float32 widened to double parses back to the same double.
    private static void AssertFloats(float[] expected, double[] actual, string what) =>
        SynapseSamples.AssertBits(expected, [.. actual.Select(v => (float)v)], what);
}
