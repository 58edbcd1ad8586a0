using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Tests.Learning.Spiking;

public class SpikingNetworkBuilderTests
{
    [Fact]
    public void Build_TinyFile_LayersWrapTheStoreArrays()
    {
        var spec = NetworkLoader.LoadFromText(SnnNetworkTexts.With(SnnNetworkTexts.ValidTraining), "tiny.json",
            SnnTrainingReader.LoadOptions());
        var reader = spec.CreateReader();
        var training = SnnTrainingReader.Read(reader, spec.Training)!;
        var store = SynapseStoreBuilder.Build(spec);
        SpikingNetworkBuilder.Reinitialise(spec, store, 3);
        var network = SpikingNetworkBuilder.Build(spec, store, training);

        Assert.Equal(2, network.Layers.Count);
        var h = network.Layers[0];
        Assert.Same(store["in_h"].Weight, h.Weights);
        Assert.Same(store["in_h"].Bias, h.Bias);
        Assert.Same(store["h_h"].Weight, h.RecurrentWeights);
        Assert.Equal((float)Math.Exp(-1.0 / 10.0), h.Options.Beta);
        Assert.Equal(0.5f, h.Threshold[0]);
        Assert.Equal(ResetMode.Zero, h.Options.Reset);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(0f, store["h_h"].Weight[i * 5 + i]);
        }

        var output = network.Layers[1];
        Assert.Equal(SpikingNeuronModel.Snu, output.Options.Model);
        Assert.Equal(0.7f, output.Options.Beta);
        Assert.Equal("arctan", output.Options.Surrogate.Name);
    }

    [Fact]
    public void Reinitialise_DifferentSeeds_DifferentWeights_SameSeedSameWeights()
    {
        var spec = NetworkLoader.LoadFromText(SnnNetworkTexts.With(SnnNetworkTexts.ValidTraining), "tiny.json",
            SnnTrainingReader.LoadOptions());
        float[] Weights(ulong seed)
        {
            var store = SynapseStoreBuilder.Build(spec);
            SpikingNetworkBuilder.Reinitialise(spec, store, seed);
            return store["in_h"].Weight;
        }

        Assert.Equal(Weights(1), Weights(1));
        Assert.NotEqual(Weights(1), Weights(2));
    }

    [Fact]
    public void Build_RateKindInTheChain_ReportsThePopulationKind()
    {
        string text = SnnNetworkTexts.With(SnnNetworkTexts.ValidTraining)
            .Replace("\"kind\": \"snu\", \"params\": { \"decay\": 0.7 }", "\"kind\": \"relu\"");
        var spec = NetworkLoader.LoadFromText(text, "tiny.json", SnnTrainingReader.LoadOptions());
        var training = SnnTrainingReader.Read(spec.CreateReader(), spec.Training)!;
        var ex = Assert.Throws<NetworkValidationException>(() =>
            SpikingNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), training));
        Assert.Contains("$.populations[2].kind", ex.Message);
        Assert.Contains("leaky, snu, ssnu", ex.Message);
    }
}
