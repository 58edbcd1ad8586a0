using MessagePack;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Tests.Core.Serialization;

/// <summary>
/// Per-neuron parameters in the synapse store (format 1.1, top-level field 5): trained thresholds round-trip
/// bitwise through synapse files and checkpoints, and a damaged field is refused naming the file and the field.
/// </summary>
public sealed class NeuronParameterFileTests : IDisposable
{
    // 6 inputs -> 4 leaky -> 3 snu (the trainable kinds declare "threshold"); no training section needed here.
    internal const string Spiking = """
        {
          "name": "thresholds",
          "simulation": { "dt": "1 ms", "duration": "10 ms", "seed": 2 },
          "populations": [
            { "name": "in", "size": 6, "kind": "input" },
            { "name": "h", "size": 4, "kind": "leaky", "params": { "tau_m": "10 ms", "threshold": 1 } },
            { "name": "out", "size": 3, "kind": "snu", "params": { "decay": 0.8, "threshold": 0.5 } }
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" }, "bias": true }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("neuron-parameter-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (NetworkSpec Network, SynapseStore Store) Build()
    {
        NetworkSpec network = NetworkLoader.LoadFromText(Spiking, "thresholds.json");
        SynapseStore store = SynapseStoreBuilder.Build(network);
        store.SetNeuronParameter("h", "threshold", [0.75f, 1.0000001f, 1.3f, -0f]);
        store.SetNeuronParameter("out", "threshold", [0.1f, 0.2f, float.Epsilon]);
        return (network, store);
    }

    [Fact]
    public void SaveLoad_TrainedThresholds_ComeBackBitwiseInBothKinds()
    {
        // Oracle: reload equals original, bit for bit (including -0 and a subnormal).
        var (network, store) = Build();
        string synapses = Path.Combine(_folder, "synapses.msgpack");
        string checkpoint = Path.Combine(_folder, "checkpoint.msgpack");
        SynapseFile.Save(synapses, network, store);
        new Checkpoint(network, store) { Trainer = "snn", Epoch = 1 }.Save(checkpoint);

        foreach (SynapseStore loaded in new[] { SynapseFile.Load(synapses).Store, Checkpoint.Load(checkpoint).Weights })
        {
            Assert.Equal(2, loaded.NeuronParameters.Count);
            foreach (PerNeuronParameter p in store.NeuronParameters)
            {
                Assert.True(loaded.TryGetNeuronParameter(p.Population, p.Name, out float[] values));
                Assert.Equal(p.Values.Select(BitConverter.SingleToInt32Bits),
                    values.Select(BitConverter.SingleToInt32Bits));
            }

            SynapseSamples.AssertSame(store, loaded);
        }

        Assert.Equal(new FormatVersion(1, 1), SynapseFile.Load(synapses).Version);
    }

    [Fact]
    public void SaveLoad_StoreWithoutParameters_LoadsWithNone()
    {
        var (network, _) = Build();
        string path = Path.Combine(_folder, "plain.msgpack");
        SynapseFile.Save(path, network, SynapseStoreBuilder.Build(network));

        Assert.Empty(SynapseFile.Load(path).Store.NeuronParameters);
    }

    [Theory]
    [InlineData(3, "neuron parameter 'threshold' of 'h' values: expects 4 float32 values (16 bytes), " +
        "the file has 12 bytes")]
    [InlineData(5, "neuron parameter 'threshold' of 'h' values: expects 4 float32 values (16 bytes), " +
        "the file has 20 bytes")]
    public void Load_WrongLength_RefusedNamingFileAndField(int length, string expected)
    {
        var (network, store) = Build();
        var bad = Forged(store, new PerNeuronParameter("h", "threshold", new float[length]));

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", Image(network, bad),
            null));

        Assert.Equal($"t.msgpack: {expected}", ex.Message);
    }

    [Theory]
    [InlineData("nowhere", "threshold", "neuron parameter 'threshold' of 'nowhere': population 'nowhere' is not " +
        "in the network definition")]
    [InlineData("h", "gain", "neuron parameter 'gain' of 'h': kind 'leaky' of population 'h' has no parameter " +
        "'gain' (it has: tau_m, threshold)")]
    [InlineData("in", "threshold", "neuron parameter 'threshold' of 'in': kind 'input' of population 'in' has no " +
        "parameter 'threshold'")]
    public void Load_ParameterNotInDefinition_RefusedNamingIt(string population, string name, string expected)
    {
        var (network, store) = Build();
        var bad = Forged(store, new PerNeuronParameter(population, name, new float[4]));

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", Image(network, bad),
            null));

        Assert.StartsWith($"t.msgpack: {expected}", ex.Message);
    }

    [Fact]
    public void Load_NaNThreshold_RefusedNamingNeuron()
    {
        var (network, store) = Build();
        var bad = Forged(store, new PerNeuronParameter("h", "threshold", [1f, 1f, float.NaN, 1f]));

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", Image(network, bad),
            null));

        Assert.Equal("t.msgpack: neuron parameter 'threshold' of 'h' values: neuron 2 is NaN; neuron parameters " +
            "must be finite", ex.Message);
    }

    [Fact]
    public void Load_SameParameterTwice_Refused()
    {
        byte[] image = HandWritten((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(2);
            for (int i = 0; i < 2; i++)
            {
                w.WriteMapHeader(3);
                w.Write(1);
                w.Write("h");
                w.Write(2);
                w.Write("threshold");
                w.Write(3);
                PayloadWriter.WriteArray<float>(ref w, new float[4]);
            }
        });

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", image, null));

        Assert.Equal("t.msgpack: neuron parameter 'threshold' of 'h': appears twice", ex.Message);
    }

    [Fact]
    public void Load_FieldNotAnArray_RefusedNamingField()
    {
        byte[] image = HandWritten((ref MessagePackWriter w) => w.Write("threshold"));

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", image, null));

        Assert.Equal("t.msgpack: neuron parameters: expects an array, found String", ex.Message);
    }

    [Fact]
    public void Load_ValuesMissing_RefusedNamingField()
    {
        byte[] image = HandWritten((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteMapHeader(2);
            w.Write(1);
            w.Write("h");
            w.Write(2);
            w.Write("threshold");
        });

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("t.msgpack", image, null));

        Assert.Equal("t.msgpack: neuron parameter 'threshold' of 'h' values: missing (field 3)", ex.Message);
    }

    // A synapse file whose field 5 is written by hand (after the four common fields of a valid store).
    private static byte[] HandWritten(PayloadWriter.WriteAction field)
    {
        var (network, store) = Build();
        ReadOnlyMemory<byte> payload = PayloadWriter.Build((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(5);
            StoreCodec.WriteCommon(ref w, network, new SynapseStore(store.Projections), null);
            w.Write(5);
            field(ref w);
        });
        return ContainerFile.Encode(FileKind.Synapses, SynapseFile.CurrentVersion, payload.Span);
    }

    [Fact]
    public void Save_WrongLength_ThrowsBeforeWriting()
    {
        var (network, store) = Build();
        store.SetNeuronParameter("out", "threshold", new float[4]);
        string path = Path.Combine(_folder, "never.msgpack");

        var ex = Assert.Throws<ArgumentException>(() => SynapseFile.Save(path, network, store));

        Assert.Contains("neuron parameter 'threshold' of 'out' has 4 values for 3 neurons", ex.Message);
        Assert.False(File.Exists(path));
    }

    // The store's projections with one parameter in place of the others (the store does not check sizes; Save
    // would, so the image is written without that check).
    private static SynapseStore Forged(SynapseStore store, PerNeuronParameter parameter) =>
        new(store.Projections, [parameter]);

    private static byte[] Image(NetworkSpec network, SynapseStore store)
    {
        ReadOnlyMemory<byte> payload = PayloadWriter.Build((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(StoreCodec.CommonFieldCount(store));
            StoreCodec.WriteCommon(ref w, network, store, null);
        });
        return ContainerFile.Encode(FileKind.Synapses, SynapseFile.CurrentVersion, payload.Span);
    }
}
