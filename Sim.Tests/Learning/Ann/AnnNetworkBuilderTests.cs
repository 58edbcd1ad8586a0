using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Tests.Learning.Ann;

public class AnnNetworkBuilderTests
{
    private const string Chain = """
        { "populations": [ { "name": "in", "size": 4, "kind": "input" }, { "name": "h", "size": 3, "kind": "relu" },
                           { "name": "out", "size": 2, "kind": "linear" } ],
          "projections": [
            { "name": "b", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": true },
            { "name": "a", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" } } ] }
        """;

    [Fact]
    public void Build_ChainInAnyFileOrder_WrapsTheStoreArrays()
    {
        var spec = NetworkLoader.LoadFromText(Chain, "chain.json");
        var store = SynapseStoreBuilder.Build(spec);

        AnnNetwork net = AnnNetworkBuilder.Build(spec, store);

        Assert.Equal([4, 3, 2], net.Sizes());
        Assert.Equal(["a", "b"], net.Layers.Select(l => l.Name));
        Assert.Same(store["a"].Weight, net.Layers[0].Weights);
        Assert.Same(store["b"].Bias, net.Layers[1].Bias);
        Assert.Equal(Activation.Relu, net.Layers[0].Activation);
    }

    [Fact]
    public void Reinitialise_DifferentSeeds_GiveDifferentWeightsInTheStore()
    {
        var spec = NetworkLoader.LoadFromText(Chain, "chain.json");
        var store = SynapseStoreBuilder.Build(spec);
        AnnNetwork net = AnnNetworkBuilder.Build(spec, store);

        AnnNetworkBuilder.Reinitialise(spec, net, 1);
        float[] first = store["a"].Weight.ToArray();
        AnnNetworkBuilder.Reinitialise(spec, net, 2);

        Assert.NotEqual(first, store["a"].Weight);
        double bound = Math.Sqrt(6.0 / 4);
        Assert.All(store["a"].Weight, w => Assert.InRange(w, -bound, bound));
    }

    [Fact]
    public void Build_SparseProjection_ReportsPathAndRule()
    {
        const string text = """
            { "populations": [ { "name": "in", "size": 4, "kind": "input" },
                               { "name": "h", "size": 4, "kind": "relu" },
                               { "name": "out", "size": 2, "kind": "linear" } ],
              "projections": [
                { "name": "a", "source": "in", "target": "h", "connect": { "rule": "one_to_one" }, "weight": 0.5 },
                { "name": "b", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
                  "weight": { "init": "he_uniform" } } ] }
            """;
        var spec = NetworkLoader.LoadFromText(text, "sparse.json");
        var store = SynapseStoreBuilder.Build(spec);

        var ex = Assert.Throws<NetworkValidationException>(() => AnnNetworkBuilder.Build(spec, store));

        Assert.Contains("sparse.json", ex.Message);
        Assert.Contains("$.projections[0].connect.rule", ex.Message);
        Assert.Contains("all_to_all", ex.Message);
    }
}
