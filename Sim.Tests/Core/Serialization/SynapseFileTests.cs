using MessagePack;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Core.Serialization;

public sealed class SynapseFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synapse-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(SynapseSamples.Ann)]
    [InlineData(SynapseSamples.Sparse)]
    public void SaveLoad_Sample_IdenticalArraysDefinitionAndMetadata(string json)
    {
        var (network, store) = SynapseSamples.Build(json);
        var metadata = new Dictionary<string, object>
        {
            ["mode"] = "ann", ["epoch"] = 3, ["accuracy"] = 0.9125, ["finished"] = true, ["steps"] = 1L << 40,
        };
        string path = Path.Combine(_folder, "synapses.msgpack");

        SynapseFile.Save(path, network, store, metadata);
        SynapseFileContents loaded = SynapseFile.Load(path);

        SynapseSamples.AssertSame(store, loaded.Store);
        Assert.Equal(network.SourceText, loaded.Network.SourceText);
        Assert.Equal(network.Name, loaded.Network.Name);
        Assert.Equal(FileKind.Synapses, loaded.Kind);
        Assert.Equal(SynapseFile.CurrentVersion, loaded.Version);
        Assert.Equal("ann", loaded.Metadata["mode"]);
        Assert.Equal(3L, loaded.Metadata["epoch"]);
        Assert.Equal(0.9125, loaded.Metadata["accuracy"]);
        Assert.Equal(true, loaded.Metadata["finished"]);
        Assert.Equal(1L << 40, loaded.Metadata["steps"]);
    }

    [Fact]
    public void SaveLoad_EveryRepositoryNetwork_IdenticalArrays()
    {
        string[] files = Directory.GetFiles(Path.Combine(NetworkTexts.RepoRoot, "networks"), "*.json");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            NetworkSpec network = NetworkLoader.Load(file);
            SynapseStore store = SynapseStoreBuilder.Build(network);
            string path = Path.Combine(_folder, Path.GetFileNameWithoutExtension(file) + ".msgpack");

            SynapseFile.Save(path, network, store);
            SynapseFileContents loaded = SynapseFile.Load(path);

            SynapseSamples.AssertSame(store, loaded.Store);
            Assert.Equal(network.SourceText, loaded.Network.SourceText);
        }
    }

    [Fact]
    public void Save_JsonTextOverload_LoadsBack()
    {
        var (_, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string path = Path.Combine(_folder, "s.msgpack");

        SynapseFile.Save(path, SynapseSamples.Ann, "mlp.json", store);

        SynapseSamples.AssertSame(store, SynapseFile.Load(path).Store);
    }

    [Fact]
    public void Save_StoreOfAnotherNetwork_ThrowsArgumentNamingProjection()
    {
        var (network, _) = SynapseSamples.Build(SynapseSamples.Ann);
        var (_, other) = SynapseSamples.Build(SynapseSamples.Sparse);

        var ex = Assert.Throws<ArgumentException>(
            () => SynapseFile.Save(Path.Combine(_folder, "x.msgpack"), network, other));

        Assert.Contains("no projection 'in_h'", ex.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Save_UnsupportedMetadataType_ThrowsNamingKey()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);

        var ex = Assert.Throws<ArgumentException>(() => SynapseFile.Save(Path.Combine(_folder, "x.msgpack"),
            network, store, new Dictionary<string, object> { ["when"] = DateTime.UnixEpoch }));

        Assert.Contains("metadata 'when' has type DateTime", ex.Message);
    }

    [Fact]
    public void Load_SizesDisagreeWithEmbeddedDefinition_FailsNamingProjectionAndBothSizes()
    {
        var (_, store) = SynapseSamples.Build(SynapseSamples.Ann);
        NetworkSpec bigger = SynapseSamples.Load(SynapseSamples.Ann.Replace("\"size\": 6", "\"size\": 8"));
        byte[] image = Image(bigger, store);

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("f.msgpack", image, null));

        Assert.Equal("f.msgpack: projection 'in_h' pre count: is 6, expected 8", ex.Message);
    }

    [Fact]
    public void Load_HugeDeclaredPopulation_FailsBeforeAllocating()
    {
        // The embedded definition says 10^8 inputs (the loader's largest population): the dense weight would need
        // 2 GB. The reader must compare the declared size with the bytes present and refuse without allocating it.
        var (_, store) = SynapseSamples.Build(SynapseSamples.Ann);
        NetworkSpec huge = SynapseSamples.Load(SynapseSamples.Ann.Replace("\"size\": 6", "\"size\": 100000000"));
        byte[] image = ImageUnchecked(huge, store, forgeCounts: true);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("f.msgpack", image, null));

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("projection 'in_h' weight: expects 500000000 float32 values", ex.Message);
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Load_EmbeddedDefinitionInvalid_FailsWithLoaderMessage()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        byte[] image = ImageUnchecked(network, store, json: SynapseSamples.Ann.Replace("\"relu\"", "\"reluu\""));

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("f.msgpack", image, null));

        Assert.StartsWith("f.msgpack: the embedded network definition is invalid:", ex.Message);
        Assert.Contains("reluu", ex.Message);
        Assert.IsType<NetworkValidationException>(ex.InnerException);
    }

    [Fact]
    public void Load_NegativeDelay_FailsNamingSynapse()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Sparse);
        store["ba"].Delay[2] = -1f;

        var ex = Assert.Throws<SynapseFileException>(
            () => SynapseFile.LoadImage("f", ImageUnchecked(network, store), null));

        Assert.Contains("projection 'ba' delay: synapse 2 has delay -1 ms", ex.Message);
    }

    [Fact]
    public void Load_NewerMajorVersion_FailsNamingBothVersions()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string path = Path.Combine(_folder, "future.msgpack");
        SynapseFile.Save(path, network, store);
        byte[] file = File.ReadAllBytes(path);
        file[12] = 2;
        file[14] = 1;
        ContainerFileTests.Reseal(file);
        File.WriteAllBytes(path, file);

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.Load(path));

        Assert.Equal($"{path}: written in format version 2.1, but this NeuroSim reads format versions up to 1.x " +
            "(1.1); update NeuroSim to read it", ex.Message);
    }

    [Fact]
    public void Load_FuzzCase233StringCutShort_FailsWithSynapseFileException()
    {
        // Found by the payload fuzz (mutation #233): MessagePack 2.5 throws ArgumentOutOfRangeException, not its
        // own exception type, when skipping a string whose declared length runs past the data.
        byte[] payload = [0x81, 0x01, 0xD9, 200, .. "cut short"u8];
        byte[] image = ContainerFile.Encode(FileKind.Synapses, SynapseFile.CurrentVersion, payload);

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.LoadImage("f.msgpack", image, null));

        Assert.StartsWith("f.msgpack: data malformed: ", ex.Message);
    }

    [Fact]
    public void Load_CheckpointFile_ReturnsItsWeights()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string path = Path.Combine(_folder, "checkpoint.msgpack");
        new Checkpoint(network, store) { Trainer = "ann", Epoch = 2 }.Save(path);

        SynapseFileContents loaded = SynapseFile.Load(path);

        Assert.Equal(FileKind.Checkpoint, loaded.Kind);
        SynapseSamples.AssertSame(store, loaded.Store);
    }

    [Fact]
    public void Save_OverExistingFile_Replaces()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string path = Path.Combine(_folder, "s.msgpack");
        SynapseFile.Save(path, network, store);
        store["in_h"].Weight[0] = 42f;

        SynapseFile.Save(path, network, store);

        Assert.Equal(42f, SynapseFile.Load(path).Store["in_h"].Weight[0]);
        Assert.Single(Directory.GetFiles(_folder));
    }

    internal static byte[] Image(NetworkSpec network, SynapseStore store) => ImageUnchecked(network, store);

    // Writes a payload without the save-time check, to build files whose definition and arrays disagree.
    // forgeCounts writes the definition's population sizes as the projections' pre/post counts.
    internal static byte[] ImageUnchecked(NetworkSpec network, SynapseStore store, string? json = null,
        bool forgeCounts = false)
    {
        ReadOnlyMemory<byte> payload = PayloadWriter.Build((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(StoreCodec.CommonFieldCount(store));
            StoreCodec.WriteCommon(ref w, network with { SourceText = json ?? network.SourceText }, store, null);
        });
        if (forgeCounts)
        {
            var forged = new SynapseStore(store.Projections.Select(p => Forge(network, p)));
            payload = PayloadWriter.Build((ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(StoreCodec.CommonFieldCount(forged));
                StoreCodec.WriteCommon(ref w, network, forged, null);
            });
        }

        return ContainerFile.Encode(FileKind.Synapses, SynapseFile.CurrentVersion, payload.Span);
    }

    // A projection claiming the definition's sizes while keeping its small arrays (only the counts differ).
    private static Projection Forge(NetworkSpec network, Projection p)
    {
        var forged = (Projection)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(
            typeof(Projection));
        foreach (var field in typeof(Projection).GetFields(System.Reflection.BindingFlags.Instance
                     | System.Reflection.BindingFlags.NonPublic))
        {
            field.SetValue(forged, field.GetValue(p));
        }

        SetAuto(forged, nameof(Projection.PreCount), network.Population(p.Source).Size);
        SetAuto(forged, nameof(Projection.PostCount), network.Population(p.Target).Size);
        return forged;
    }

    private static void SetAuto(Projection p, string property, int value) =>
        typeof(Projection).GetField($"<{property}>k__BackingField",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.SetValue(p, value);
}
