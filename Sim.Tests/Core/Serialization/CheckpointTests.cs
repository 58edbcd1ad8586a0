using NeuroSim.Core.Serialization;

namespace NeuroSim.Tests.Core.Serialization;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("checkpoint-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveLoad_FullState_EverythingComesBackIdentical()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        var checkpoint = new Checkpoint(network, store) { Trainer = "ann", Epoch = 7, Batch = 123_456_789_012 };
        checkpoint.OptimizerState["adam.m/in_h.weight"] = [0.5f, -1e-8f, float.NaN, float.PositiveInfinity];
        checkpoint.OptimizerState["adam.v/in_h.weight"] = [];
        checkpoint.RngState["shuffle"] = [1UL, ulong.MaxValue, 0x0123456789ABCDEFUL, 0];
        checkpoint.Blobs["notes"] = [1, 2, 3];
        checkpoint.Metadata["adam.t"] = 99L;
        checkpoint.Metadata["lr"] = 1e-3;
        string path = Path.Combine(_folder, "checkpoint.msgpack");

        checkpoint.Save(path);
        Checkpoint loaded = Checkpoint.Load(path);

        Assert.Equal(("ann", 7, 123_456_789_012L), (loaded.Trainer, loaded.Epoch, loaded.Batch));
        SynapseSamples.AssertSame(store, loaded.Weights);
        Assert.Equal(network.SourceText, loaded.Network.SourceText);
        Assert.Equal(checkpoint.OptimizerState.Keys.Order(), loaded.OptimizerState.Keys.Order());
        SynapseSamples.AssertBits(checkpoint.OptimizerState["adam.m/in_h.weight"],
            loaded.OptimizerState["adam.m/in_h.weight"], "adam.m");
        Assert.Empty(loaded.OptimizerState["adam.v/in_h.weight"]);
        Assert.Equal(checkpoint.RngState["shuffle"], loaded.RngState["shuffle"]);
        Assert.Equal([1, 2, 3], loaded.Blobs["notes"]);
        Assert.Equal(99L, loaded.Metadata["adam.t"]);
        Assert.Equal(1e-3, loaded.Metadata["lr"]);
        Assert.Equal(Checkpoint.CurrentVersion, loaded.Version);
    }

    [Fact]
    public void Load_SynapseFile_FailsSayingItIsNotACheckpoint()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Sparse);
        string path = Path.Combine(_folder, "synapses.msgpack");
        SynapseFile.Save(path, network, store);

        var ex = Assert.Throws<SynapseFileException>(() => Checkpoint.Load(path));

        Assert.Equal($"{path}: is a synapse file, not a checkpoint (it holds weights only; start a new training " +
            "from it instead of resuming)", ex.Message);
    }

    [Fact]
    public void Save_NegativeEpoch_Throws()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);

        var ex = Assert.Throws<ArgumentException>(
            () => new Checkpoint(network, store) { Epoch = -1 }.Save(Path.Combine(_folder, "c.msgpack")));

        Assert.Contains("epoch (-1)", ex.Message);
    }

    [Fact]
    public void Save_Twice_SecondReplacesFirstAndNoTemporaryLeft()
    {
        var (network, store) = SynapseSamples.Build(SynapseSamples.Ann);
        string path = Path.Combine(_folder, "c.msgpack");
        new Checkpoint(network, store) { Epoch = 1 }.Save(path);

        new Checkpoint(network, store) { Epoch = 2 }.Save(path);

        Assert.Equal(2, Checkpoint.Load(path).Epoch);
        Assert.Equal([path], Directory.GetFiles(_folder));
    }
}
