using System.Text.Json.Nodes;
using NeuroSim.Core.Network;
using NeuroSim.Core.Units;

namespace NeuroSim.Tests.Core.Network;

public class NetworkLoaderTests
{
    [Fact]
    public void Load_Cuba_GivesIssueParametersInCanonicalUnits()
    {
        var spec = NetworkLoader.Load(Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json"));

        Assert.Equal("cuba", spec.Name);
        Assert.Equal(0.1, spec.Simulation.Dt);
        Assert.Equal(1000.0, spec.Simulation.Duration);
        Assert.Equal(10000, spec.Simulation.Steps);
        Assert.Equal(EngineKind.Clock, spec.Simulation.Engine);
        Assert.Equal([3200, 800], spec.Populations.Select(p => p.Size));
        foreach (var population in spec.Populations)
        {
            Assert.Equal("lif", population.KindName);
            Assert.Equal(20.0, population.Param("tau_m"));
            Assert.Equal(-49.0, population.Param("e_l"));
            Assert.Equal(-50.0, population.Param("v_th"));
            Assert.Equal(-60.0, population.Param("v_reset"));
            Assert.Equal(5.0, population.Param("t_ref"));
            Assert.Equal(5.0, population.Param("tau_syn_e"));
            Assert.Equal(10.0, population.Param("tau_syn_i"));
            Assert.Equal(new InitSpec(InitKind.Uniform, -60.0, -50.0), population.Init["v"]);
        }

        Assert.Equal(4, spec.Projections.Count);
        Assert.All(spec.Projections, p => Assert.Equal(0.02, p.Connect.P));
        Assert.All(spec.Projections, p => Assert.Equal(0.0, p.Delay));
        var ee = spec.Projection("ee");
        var ie = spec.Projection("ie");
        Assert.Equal(new WeightSpec(WeightKind.Constant, Dimension.Voltage, 1.62), ee.Weight);
        Assert.Equal(Receptor.Excitatory, ee.Receptor);
        Assert.Equal(new WeightSpec(WeightKind.Constant, Dimension.Voltage, -9.0), ie.Weight);
        Assert.Equal(Receptor.Inhibitory, ie.Receptor);
        Assert.Equal(["exc", "inh"], spec.Recording.Spikes);
    }

    [Fact]
    public void Load_EveryNetworkFile_IsValid()
    {
        var files = Directory.GetFiles(Path.Combine(NetworkTexts.RepoRoot, "networks"), "*.json");

        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            var spec = NetworkLoader.Load(file);
            Assert.NotEmpty(spec.Populations);
        }
    }

    [Fact]
    public void LoadFromText_LifWithoutParams_FillsDefaults()
    {
        var spec = NetworkTexts.LoadWith("\"params\": { \"tau_m\": \"20 ms\" }", "\"params\": {}");
        var lif = spec.Population("a");

        Assert.Equal(10.0, lif.Param("tau_m"));
        Assert.Equal(250.0, lif.Param("c_m"));
        Assert.Equal(-70.0, lif.Param("e_l"));
        Assert.Equal(-55.0, lif.Param("v_th"));
        Assert.Equal(2.0, lif.Param("t_ref"));
        Assert.Equal(0.0, lif.Param("i_e"));
        Assert.False(lif.Params.ContainsKey("tau_syn"));
    }

    [Fact]
    public void LoadFromText_SingleTauSyn_SetsBothTimeConstants()
    {
        var spec = NetworkTexts.LoadWith("\"tau_m\": \"20 ms\"", "\"tau_m\": \"20 ms\", \"tau_syn\": \"3 ms\"");
        var lif = spec.Population("a");

        Assert.Equal(3.0, lif.Param("tau_syn_e"));
        Assert.Equal(3.0, lif.Param("tau_syn_i"));
        Assert.False(lif.Params.ContainsKey("tau_syn"));
    }

    [Fact]
    public void LoadFromText_ProjectionWithoutName_GetsSourceTargetName()
    {
        var spec = NetworkLoader.LoadFromText(NetworkTexts.Minimal, "test.json");

        Assert.Equal("b_a", spec.Projections[0].Name);
        Assert.Equal(1.0, spec.Projections[0].Delay);
        Assert.Equal("test", spec.Name);
    }

    [Fact]
    public void LoadFromText_NoConnectSeed_DerivesSeedFromSimulationSeed()
    {
        var first = NetworkLoader.LoadFromText(NetworkTexts.Minimal, "test.json");
        var again = NetworkLoader.LoadFromText(NetworkTexts.Minimal, "test.json");
        var other = NetworkTexts.LoadWith("\"seed\": 5", "\"seed\": 6");

        Assert.Equal(first.Projections[0].Connect.Seed, again.Projections[0].Connect.Seed);
        Assert.NotEqual(first.Projections[0].Connect.Seed, other.Projections[0].Connect.Seed);
    }

    [Fact]
    public void LoadFromText_EventEngine_AcceptsDelayThatDtDoesNotDivide()
    {
        string text = NetworkTexts.Minimal.Replace("\"seed\": 5", "\"seed\": 5, \"engine\": \"event\"")
            .Replace("\"1 ms\"", "\"0.25 ms\"");

        var spec = NetworkLoader.LoadFromText(text, "test.json");

        Assert.Equal(0.25, spec.Projections[0].Delay);
    }

    [Fact]
    public void LoadFromText_RegisteredKind_IsAccepted()
    {
        var catalog = new NeuronCatalog(BuiltInNeuronKinds.All);
        catalog.Register(new NeuronKind
        {
            Name = "test_kind",
            Family = NeuronFamily.Spiking,
            Parameters = [new NeuronParameter("beta", Dimension.Dimensionless, 0.9, ParamRule.Positive)],
            WeightDimensions = [Dimension.Voltage],
        });
        var options = new NetworkLoadOptions { Catalog = catalog };

        var spec = NetworkTexts.LoadWith("\"kind\": \"lif\", \"params\": { \"tau_m\": \"20 ms\" }",
            "\"kind\": \"test_kind\", \"params\": { \"beta\": 0.5 }", options);

        Assert.Equal(0.5, spec.Population("a").Param("beta"));
        Assert.Throws<NetworkValidationException>(() => NetworkTexts.LoadWith("\"kind\": \"lif\"",
            "\"kind\": \"test_kind\"")); // not registered in the default catalogue
    }

    [Fact]
    public void LoadFromText_PlasticityValidator_ErrorsJoinTheSameReport()
    {
        var options = new NetworkLoadOptions();
        options.RegisterPlasticity("stdp", (reader, section, path) =>
            reader.GetQuantity(section, path, "tau_plus", Dimension.Time));

        var ok = NetworkTexts.LoadWith("\"delay\": \"1 ms\"",
            "\"delay\": \"1 ms\", \"plasticity\": { \"rule\": \"stdp\", \"tau_plus\": \"20 ms\" }", options);
        var ex = NetworkTexts.FailWith("\"delay\": \"1 ms\"",
            "\"delay\": \"1 ms\", \"plasticity\": { \"rule\": \"stdp\", \"tau_plus\": 20 }", options);

        Assert.Equal("stdp", ok.Projections[0].PlasticityRule);
        Assert.Equal("20 ms", ok.Projections[0].Plasticity!["tau_plus"]!.GetValue<string>());
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.projections[0].plasticity.tau_plus", error.JsonPath);
        Assert.Contains("missing unit", error.Rule);
    }

    [Fact]
    public void LoadFromText_TrainingValidator_SeesTheSectionAndReportsErrors()
    {
        var options = new NetworkLoadOptions
        {
            Training = (reader, section, path) => reader.GetInteger(section, path, "epochs", null, 1),
        };
        string find = "\"recording\"";

        var spec = NetworkTexts.LoadWith(find, "\"training\": { \"epochs\": 3 }, \"recording\"", options);
        var ex = NetworkTexts.FailWith(find, "\"training\": { \"epochs\": 0 }, \"recording\"", options);

        Assert.Equal(3, spec.Training!["epochs"]!.GetValue<int>());
        Assert.Equal("$.training.epochs", Assert.Single(ex.Errors).JsonPath);
    }

    [Fact]
    public void LoadFromText_AnnNetwork_AcceptsDimensionlessWeightsAndBias()
    {
        const string text = """
            { "populations": [ { "name": "in", "size": 4, "kind": "input" },
                               { "name": "h", "size": 3, "kind": "leaky_relu", "params": { "slope": 0.1 } },
                               { "name": "out", "size": 2, "kind": "softmax" } ],
              "projections": [
                { "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
                  "weight": { "init": "he_uniform" }, "bias": true },
                { "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
                  "weight": { "normal": [0, 0.1] } } ],
              "training": { "anything": "kept raw" } }
            """;

        var spec = NetworkLoader.LoadFromText(text, "ann.json");

        Assert.Equal("he_uniform", spec.Projections[0].Weight.Scheme);
        Assert.True(spec.Projections[0].Bias);
        Assert.Equal(new WeightSpec(WeightKind.Normal, Dimension.Dimensionless, 0, 0.1), spec.Projections[1].Weight);
        Assert.Equal("kept raw", spec.Training!["anything"]!.GetValue<string>());
        Assert.IsType<JsonObject>(spec.Training);
    }

    [Fact]
    public void LoadFromText_RecordingState_ReadsIntervalAndNeurons()
    {
        var spec = NetworkTexts.LoadWith("\"recording\": { \"spikes\": [\"a\"] }",
            "\"recording\": { \"state\": [ { \"population\": \"a\", \"variables\": [\"v\", \"g_e\"], "
            + "\"interval\": \"1 ms\", \"neurons\": [0, 9] } ] }");

        var state = Assert.Single(spec.Recording.State);
        Assert.Equal(["v", "g_e"], state.Variables);
        Assert.Equal(1.0, state.Interval);
        Assert.Equal([0, 9], state.Neurons!);
    }

    [Fact]
    public void LoadFromText_InhibitoryReceptorAndNormalInit_AreRead()
    {
        var spec = NetworkTexts.LoadWith("\"weight\": \"1 mV\"", "\"receptor\": \"inh\", \"weight\": \"-9 mV\"");
        var withInit = NetworkTexts.LoadWith("\"params\": { \"tau_m\": \"20 ms\" }",
            "\"init\": { \"v\": { \"normal\": [\"-65 mV\", \"2 mV\"] }, \"g_e\": \"1 mV\" }");

        Assert.Equal(Receptor.Inhibitory, spec.Projections[0].Receptor);
        Assert.Equal(-9.0, spec.Projections[0].Weight.A);
        Assert.Equal(new InitSpec(InitKind.Normal, -65.0, 2.0), withInit.Population("a").Init["v"]);
        Assert.Equal(new InitSpec(InitKind.Constant, 1.0), withInit.Population("a").Init["g_e"]);
    }

    [Fact]
    public void CreateReader_AfterLoad_ReportsWithFileAndLine()
    {
        var spec = NetworkLoader.LoadFromText(NetworkTexts.Minimal, "test.json");
        var reader = spec.CreateReader();

        reader.Error("$.projections[0].weight", "example rule", "1 mV");

        Assert.Equal("test.json:9: $.projections[0].weight: example rule (got 1 mV)", reader.Errors[0].ToString());
    }

    [Fact]
    public void LoadFromText_TrainingNode_IsDetachedCopy()
    {
        var spec = NetworkTexts.LoadWith("\"recording\"", "\"training\": { \"epochs\": 3 }, \"recording\"");

        Assert.Null(spec.Training!.Parent);
    }

    [Fact]
    public void LoadFromText_TwoUnnamedProjectionsSamePair_GetDistinctNames()
    {
        string text = NetworkTexts.Minimal.Replace("\"projections\": [",
            "\"projections\": [ { \"source\": \"b\", \"target\": \"a\", \"connect\": { \"rule\": \"all_to_all\" }, "
            + "\"weight\": \"1 mV\" },");

        var spec = NetworkLoader.LoadFromText(text, "test.json");

        Assert.Equal(["b_a", "b_a_2"], spec.Projections.Select(p => p.Name));
    }

    [Fact]
    public void LoadFromText_SpikeTimesSource_ReadsTimesPerNeuron()
    {
        var spec = NetworkTexts.LoadWith("\"kind\": \"poisson\", \"params\": { \"rate\": \"10 Hz\" }",
            "\"kind\": \"spike_times\", \"spike_times\": [[\"1 ms\", \"2.25 ms\"], [], [\"0.5 s\"], [], []]");

        var times = spec.Population("b").SpikeTimes!;
        Assert.Equal(5, times.Count);
        Assert.Equal([1.0, 2.25], times[0]);
        Assert.Empty(times[1]);
        Assert.Equal([500.0], times[2]);
        Assert.Null(spec.Population("a").SpikeTimes);
    }
}
