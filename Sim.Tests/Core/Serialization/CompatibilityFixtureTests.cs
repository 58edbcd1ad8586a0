using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Tests.Core.Serialization;

/// <summary>
/// Files written by format 1.0 and committed under Sim.Tests/Fixtures/: every later NeuroSim must still load
/// them with the same values. If one of these tests fails, a change broke old files; do not regenerate the
/// fixtures, fix the reader (or add a converter for the old version).
/// </summary>
public sealed class CompatibilityFixtureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Load_SynapseFileV10_ValuesAsWritten()
    {
        SynapseFileContents loaded = SynapseFile.Load(Fixture("synapses-v1.0.msgpack"));

        Assert.Equal(new FormatVersion(1, 0), loaded.Version);
        Assert.Equal("sparse-mix", loaded.Network.Name);
        Assert.Equal("fixture", loaded.Metadata["written_by"]);
        Assert.Equal(2L, loaded.Metadata["epoch"]);
        Assert.Equal(0.875, loaded.Metadata["accuracy"]);
        CheckFormulaValues(loaded.Store);
        Projection aa = loaded.Store["aa"];
        Assert.Equal(Enumerable.Range(0, 13), aa.RowStart);
        Assert.Equal(Enumerable.Range(0, 12), aa.Post);
        Projection listed = loaded.Store["listed"];
        Assert.Equal([0, 2, 2, 2, 2, 2, 2, 3], listed.RowStart);
        Assert.Equal([1, 11, 3], listed.Post);
        Assert.Equal(Fixtures.BaSynapses, loaded.Store["ba"].SynapseCount);
        Assert.Equal(Fixtures.BaPostSum, loaded.Store["ba"].Post.Sum());
        Assert.All(loaded.Store["ba"].Delay, d => Assert.Equal(1.5f, d));
    }

    [Fact]
    public void Load_SnnSynapseFileV10_LoadsWithoutNeuronParameters()
    {
        // Written before format 1.1 by `neurosim train` (784-3-10 leaky, train_threshold on): no field 5.
        SynapseFileContents loaded = SynapseFile.Load(Fixture("snn-synapses-v1.0.msgpack"));

        Assert.Equal(new FormatVersion(1, 0), loaded.Version);
        Assert.Equal("old-snn", loaded.Network.Name);
        Assert.Empty(loaded.Store.NeuronParameters);
        Assert.Equal(784 * 3, loaded.Store["in_h"].Weight.Length);
        Assert.Equal(10, loaded.Store["h_out"].Bias!.Length);
    }

    [Fact]
    public void Load_CheckpointV10_ValuesAsWritten()
    {
        Checkpoint loaded = Checkpoint.Load(Fixture("checkpoint-v1.0.msgpack"));

        Assert.Equal(new FormatVersion(1, 0), loaded.Version);
        Assert.Equal(("ann", 5, 42L), (loaded.Trainer, loaded.Epoch, loaded.Batch));
        Assert.Equal("tiny-mlp", loaded.Network.Name);
        CheckFormulaValues(loaded.Weights);
        Assert.Equal([0.5f, -0.25f, 0f], loaded.OptimizerState["adam.m/in_h.weight"]);
        Assert.Equal([1UL, 2UL, ulong.MaxValue, 0x0123456789ABCDEFUL], loaded.RngState["shuffle"]);
        Assert.Equal([7, 8, 9], loaded.Blobs["extra"]);
        Assert.Equal(12L, loaded.Metadata["adam.t"]);
    }

    private static void CheckFormulaValues(SynapseStore store)
    {
        for (int i = 0; i < store.Projections.Count; i++)
        {
            Projection p = store.Projections[i];
            for (int k = 0; k < p.Weight.Length; k++)
            {
                Assert.Equal(Fixtures.Weight(i, k), p.Weight[k]);
            }

            for (int j = 0; j < (p.Bias?.Length ?? 0); j++)
            {
                Assert.Equal(Fixtures.Bias(j), p.Bias![j]);
            }
        }
    }
}
