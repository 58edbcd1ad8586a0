using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Tests.Core.Synapses;

public class SynapseStoreBuilderTests
{
    private static NetworkSpec Load(string populations, string projections, string simulation = "") =>
        NetworkLoader.LoadFromText(
            $$"""{ {{simulation}} "populations": [ {{populations}} ], "projections": [ {{projections}} ] }""",
            "test.json");

    private const string TwoLif = """
        { "name": "a", "size": 40, "kind": "lif" }, { "name": "b", "size": 30, "kind": "lif" }
        """;

    [Fact]
    public void Build_AllToAll_IsDenseRowMajorPostPre()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "b", "connect": { "rule": "all_to_all" }, "weight": "0.5 mV" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.Equal(ProjectionLayout.Dense, projection.Layout);
        Assert.Equal(40, projection.PreCount);
        Assert.Equal(30, projection.PostCount);
        Assert.Equal(40 * 30, projection.Weight.Length);
        Assert.All(projection.Weight, w => Assert.Equal(0.5f, w));
        Assert.Empty(projection.RowStart);
        Assert.Equal(0.5f, projection.FindWeight(pre: 39, post: 29));
    }

    [Fact]
    public void Build_AllToAllSelfWithoutAllowSelf_ZeroesDiagonal()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "a", "connect": { "rule": "all_to_all", "allow_self": false },
              "weight": "1 mV" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.Equal(0f, projection.Weight[3 * 40 + 3]);
        Assert.Equal(1f, projection.Weight[3 * 40 + 4]);
    }

    [Fact]
    public void Build_OneToOne_ConnectsIToI()
    {
        var spec = Load("""{ "name": "a", "size": 7, "kind": "lif" }, { "name": "b", "size": 7, "kind": "lif" }""",
            """{ "source": "a", "target": "b", "connect": { "rule": "one_to_one" }, "weight": "2 mV" }""");

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.Equal(ProjectionLayout.Sparse, projection.Layout);
        Assert.Equal(Enumerable.Range(0, 8), projection.RowStart);
        Assert.Equal(Enumerable.Range(0, 7), projection.Post);
    }

    [Fact]
    public void Build_List_GroupsPairsByPresynapticNeuron()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "b", "connect": { "rule": "list", "pairs": [[2, 5], [0, 1], [2, 3]] },
              "weight": "1 mV" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.Equal(3, projection.SynapseCount);
        Assert.Equal(0, projection.RowStart[0]);
        Assert.Equal(1, projection.RowStart[1]);
        Assert.Equal(1, projection.RowStart[2]);
        Assert.Equal(3, projection.RowStart[3]);
        Assert.Equal([1, 5, 3], projection.Post);
    }

    [Fact]
    public void Build_FixedProbability_CountWithinFiveSigmaOfExpected()
    {
        var spec = NetworkLoader.Load(Path.Combine(Network.NetworkTexts.RepoRoot, "networks", "cuba.json"));

        var store = SynapseStoreBuilder.Build(spec);

        // Binomial(n, p) count: mean n·p, sd sqrt(n·p·(1-p)); 5 sd makes a false failure ~1e-6 likely (seeds fixed).
        foreach (var projection in store.Projections)
        {
            // cuba.json allows self-connections (as Brian2 does), so every pair is a candidate.
            double n = (double)projection.PreCount * projection.PostCount;
            double mean = n * 0.02;
            double sd = Math.Sqrt(n * 0.02 * 0.98);
            Assert.InRange(projection.SynapseCount, mean - 5 * sd, mean + 5 * sd);
            Assert.Equal(ProjectionLayout.Sparse, projection.Layout);
        }

        Assert.All(store["ie"].Weight, w => Assert.Equal(-9f, w));
        Assert.All(store["ee"].Delay, d => Assert.Equal(0f, d));
    }

    [Fact]
    public void Build_FixedProbabilitySamePopulation_HasNoSelfConnectionsAndAscendingRows()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "a", "connect": { "rule": "fixed_probability", "p": 0.9, "seed": 3 },
              "weight": "1 mV" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        for (int pre = 0; pre < projection.PreCount; pre++)
        {
            var row = projection.Post[projection.RowStart[pre]..projection.RowStart[pre + 1]];
            Assert.DoesNotContain(pre, row);
            Assert.Equal(row.Order(), row);
        }
    }

    [Fact]
    public void Build_FixedProbabilityAllowSelfAndPOne_ConnectsEveryPair()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "a", "connect": { "rule": "fixed_probability", "p": 1, "allow_self": true },
              "weight": "1 mV" }
            """);

        Assert.Equal(40 * 40, SynapseStoreBuilder.Build(spec).Projections[0].SynapseCount);
    }

    [Fact]
    public void Build_SameSeed_GivesIdenticalArrays_OtherSeedDiffers()
    {
        string Projection(int seed) => $$"""
            { "source": "a", "target": "b", "connect": { "rule": "fixed_probability", "p": 0.2, "seed": {{seed}} },
              "weight": { "normal": ["1 mV", "0.2 mV"] } }
            """;

        var first = SynapseStoreBuilder.Build(Load(TwoLif, Projection(1))).Projections[0];
        var again = SynapseStoreBuilder.Build(Load(TwoLif, Projection(1))).Projections[0];
        var other = SynapseStoreBuilder.Build(Load(TwoLif, Projection(2))).Projections[0];

        Assert.Equal(first.RowStart, again.RowStart);
        Assert.Equal(first.Post, again.Post);
        Assert.Equal(first.Weight, again.Weight);
        Assert.NotEqual(first.Post, other.Post);
    }

    [Fact]
    public void Build_CurrentWeight_ConvertedToMillivoltsWithTauOverC()
    {
        // 1000 pA into tau_m 10 ms, c_m 250 pF: R = 40 MOhm, jump 40 mV. Tolerance: float rounding (1e-5 relative).
        var spec = Load(TwoLif, """
            { "source": "a", "target": "b", "connect": { "rule": "all_to_all" }, "weight": "1 nA" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.Equal(40.0, projection.Weight[0], 40.0 * 1e-5);
    }

    [Fact]
    public void Build_NormalWeights_SampleMeanAndSdMatch()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "b", "connect": { "rule": "all_to_all" },
              "weight": { "normal": ["2 mV", "0.5 mV"] } }
            """);

        var weight = SynapseStoreBuilder.Build(spec).Projections[0].Weight;
        double mean = weight.Average(w => (double)w);
        double sd = Math.Sqrt(weight.Average(w => (w - mean) * (w - mean)));

        // 1200 draws: standard error of the mean 0.5/sqrt(1200) ≈ 0.014, of the sd ≈ 0.010;
        // allow 5 standard errors.
        Assert.InRange(mean, 2.0 - 0.075, 2.0 + 0.075);
        Assert.InRange(sd, 0.5 - 0.05, 0.5 + 0.05);
    }

    [Theory]
    [InlineData("he_uniform", 0.3872983346)]       // sqrt(6 / 40)
    [InlineData("xavier_uniform", 0.2927700219)]   // sqrt(6 / (40 + 30))
    [InlineData("uniform_fan_in", 0.1581138830)]   // 1 / sqrt(40)
    public void Build_InitScheme_StaysWithinBoundAndSpreadsOverIt(string scheme, double bound)
    {
        var spec = Load("""{ "name": "a", "size": 40, "kind": "input" }, { "name": "b", "size": 30, "kind": "relu" }""",
            $$"""
            { "source": "a", "target": "b", "connect": { "rule": "all_to_all" }, "weight": { "init": "{{scheme}}" },
              "bias": true }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.All(projection.Weight, w => Assert.InRange(w, -bound, bound));
        Assert.True(projection.Weight.Max() > 0.9 * bound && projection.Weight.Min() < -0.9 * bound);
        Assert.Equal(30, projection.Bias!.Length);
    }

    [Fact]
    public void GetDelaySteps_DelayOnePointFiveMs_IsFifteenStepsAtDtZeroPointOne()
    {
        var spec = Load(TwoLif, """
            { "source": "a", "target": "b", "connect": { "rule": "fixed_probability", "p": 0.5 }, "weight": "1 mV",
              "delay": "1.5 ms" }
            """);

        var projection = SynapseStoreBuilder.Build(spec).Projections[0];

        Assert.All(projection.GetDelaySteps(0.1), s => Assert.Equal(15, s));
        Assert.Equal(15, projection.MaxDelaySteps(0.1));
    }

    [Fact]
    public void Sparse_RowStartNotEndingAtSynapseCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Projection.Sparse("p", "a", "b", 2, 2, Receptor.Excitatory,
            [0, 1, 3], [0, 1], [1f, 1f], [0f, 0f]));

        Assert.Contains("rowStart", ex.Message);
    }

    [Fact]
    public void Build_AllToAllBeyondArrayLimit_FailsBeforeAllocating()
    {
        var spec = Load("""
            { "name": "a", "size": 100000, "kind": "lif" }, { "name": "b", "size": 100000, "kind": "lif" }
            """, """
            { "name": "big", "source": "a", "target": "b", "connect": { "rule": "all_to_all" }, "weight": "1 mV" }
            """);

        var ex = Assert.Throws<InvalidOperationException>(() => SynapseStoreBuilder.Build(spec));

        Assert.Contains("projection 'big'", ex.Message);
        Assert.Contains("do not fit", ex.Message);
    }
}
