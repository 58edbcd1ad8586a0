using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

/// <summary>One test per validation rule: each asserts the JSON path, the rule's key words and the value.</summary>
public class NetworkValidationTests
{
    private static SpecError Single(NetworkValidationException ex)
    {
        var error = Assert.Single(ex.Errors);
        Assert.Contains(error.ToString(), ex.Message);
        Assert.StartsWith("test.json:", error.ToString());
        return error;
    }

    [Fact]
    public void Load_UnknownKind_NamesKindPathAndKnownKinds()
    {
        var error = Single(NetworkTexts.FailWith("\"kind\": \"lif\"", "\"kind\": \"lfi\""));

        Assert.Equal("$.populations[0].kind", error.JsonPath);
        Assert.Contains("unknown neuron kind", error.Rule);
        Assert.Contains("lif", error.Rule);
        Assert.Equal("lfi", error.Value);
    }

    [Fact]
    public void Load_MissingUnit_NamesParamAndValue()
    {
        var ex = NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_m\": 20");
        var error = Single(ex);

        Assert.Equal("$.populations[0].params.tau_m", error.JsonPath);
        Assert.Contains("missing unit", error.Rule);
        Assert.Equal("20", error.Value);
        Assert.Contains("$.populations[0].params.tau_m: missing unit", ex.Message);
    }

    [Fact]
    public void Load_NumberStringWithoutUnit_IsMissingUnit()
    {
        var error = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_m\": \"20\""));

        Assert.Equal("$.populations[0].params.tau_m", error.JsonPath);
        Assert.Contains("missing unit", error.Rule);
    }

    [Fact]
    public void Load_WrongDimension_SaysWhichDimensionIsNeeded()
    {
        var error = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_m\": \"20 mV\""));

        Assert.Equal("$.populations[0].params.tau_m", error.JsonPath);
        Assert.Contains("must be a time", error.Rule);
        Assert.Equal("20 mV", error.Value);
    }

    [Fact]
    public void Load_NegativeTau_MatchesContractMessage()
    {
        var ex = NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_m\": \"-5 ms\"");
        var error = Single(ex);

        Assert.Equal("$.populations[0].params.tau_m", error.JsonPath);
        Assert.Contains("$.populations[0].params.tau_m: must be > 0 ms (got -5 ms)", ex.Message);
    }

    [Fact]
    public void Load_ProbabilityAboveOne_NamesPAndValue()
    {
        var error = Single(NetworkTexts.FailWith("\"p\": 0.5", "\"p\": 1.5"));

        Assert.Equal("$.projections[0].connect.p", error.JsonPath);
        Assert.Contains("between 0 and 1", error.Rule);
        Assert.Equal("1.5", error.Value);
    }

    [Fact]
    public void Load_ProjectionToMissingPopulation_NamesTargetAndKnownPopulations()
    {
        var error = Single(NetworkTexts.FailWith("\"target\": \"a\"", "\"target\": \"c\""));

        Assert.Equal("$.projections[0].target", error.JsonPath);
        Assert.Contains("no population with this name", error.Rule);
        Assert.Contains("a, b", error.Rule);
        Assert.Equal("c", error.Value);
    }

    [Fact]
    public void Load_DelayNotMultipleOfDt_ClockEngineRejects()
    {
        var error = Single(NetworkTexts.FailWith("\"delay\": \"1 ms\"", "\"delay\": \"0.25 ms\""));

        Assert.Equal("$.projections[0].delay", error.JsonPath);
        Assert.Contains("whole number of steps of dt (0.1 ms)", error.Rule);
        Assert.Equal("0.25 ms", error.Value);
    }

    [Fact]
    public void Load_DuplicatePopulationName_NamesSecondEntry()
    {
        var ex = NetworkTexts.FailWith("\"name\": \"b\"", "\"name\": \"a\"");

        // The projection's source "b" no longer exists either: two genuine problems.
        Assert.Equal(2, ex.Errors.Count);
        var error = ex.Errors[0];
        Assert.Equal("$.populations[1].name", error.JsonPath);
        Assert.Contains("duplicate population name", error.Rule);
        Assert.Equal("a", error.Value);
    }

    [Fact]
    public void Load_UnknownParam_ListsAllowedParams()
    {
        var error = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_mem\": \"20 ms\""));

        Assert.Equal("$.populations[0].params.tau_mem", error.JsonPath);
        Assert.Contains("unknown key", error.Rule);
        Assert.Contains("tau_m", error.Rule);
        Assert.Equal("tau_mem", error.Value);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_IsReported()
    {
        var error = Single(NetworkTexts.FailWith("\"recording\"", "\"recordings\""));

        Assert.Equal("$.recordings", error.JsonPath);
        Assert.Contains("unknown key", error.Rule);
    }

    [Fact]
    public void Load_ThreeMistakes_ReportsThreeMessages()
    {
        string text = NetworkTexts.Minimal.Replace("\"lif\"", "\"lfi\"").Replace("\"p\": 0.5", "\"p\": 2")
            .Replace("\"10 Hz\"", "\"10 ms\"");

        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.LoadFromText(text, "test.json"));

        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal(3, ex.Message.Split('\n').Length);
        Assert.Equal(["$.populations[0].kind", "$.populations[1].params.rate", "$.projections[0].connect.p"],
            ex.Errors.Select(e => e.JsonPath).Order());
    }

    [Fact]
    public void Load_Error_CarriesLineOfTheOffendingProperty()
    {
        // In NetworkTexts.Minimal, line 4 holds population "a" with tau_m, line 9 the projection's weight.
        var tau = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"tau_m\": \"-1 ms\""));
        var weight = Single(NetworkTexts.FailWith("\"weight\": \"1 mV\"", "\"weight\": \"1 ms\""));

        Assert.Equal(4, tau.Line);
        Assert.Equal(9, weight.Line);
        Assert.StartsWith("test.json:9: $.projections[0].weight:", weight.ToString());
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAllowed()
    {
        string text = NetworkTexts.Minimal.Replace("\"seed\": 5 }", "\"seed\": 5, /* block */ }, // line comment");

        var spec = NetworkLoader.LoadFromText(text, "test.json");

        Assert.Equal(5, spec.Simulation.Seed);
    }

    [Fact]
    public void Load_SyntaxError_GivesLineAndInvalidJson()
    {
        var ex = NetworkTexts.FailWith("\"size\": 5,", "\"size\": 5 \"kind2\": 1,");
        var error = Single(ex);

        Assert.Contains("invalid JSON", error.Rule);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Load_DuplicateKey_IsReported()
    {
        var error = Single(NetworkTexts.FailWith("\"size\": 5,", "\"size\": 5, \"size\": 6,"));

        Assert.Equal("$.populations[1].size", error.JsonPath);
        Assert.Contains("duplicate key", error.Rule);
    }

    [Fact]
    public void Load_MissingRequiredRate_NamesParam()
    {
        var error = Single(NetworkTexts.FailWith("\"params\": { \"rate\": \"10 Hz\" }", "\"params\": {}"));

        Assert.Equal("$.populations[1].params.rate", error.JsonPath);
        Assert.Contains("is required", error.Rule);
    }

    [Fact]
    public void Load_RateAboveOneOverDt_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"10 Hz\"", "\"20 kHz\""));

        Assert.Equal("$.populations[1].params.rate", error.JsonPath);
        Assert.Contains("<= 1/dt", error.Rule);
        Assert.Equal("20000 Hz", error.Value);
    }

    [Fact]
    public void Load_ResetAboveThreshold_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"", "\"v_reset\": \"-50 mV\""));

        Assert.Equal("$.populations[0].params.v_reset", error.JsonPath);
        Assert.Contains("below v_th", error.Rule);
    }

    [Fact]
    public void Load_TauSynWithTauSynE_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"tau_m\": \"20 ms\"",
            "\"tau_syn\": \"2 ms\", \"tau_syn_e\": \"3 ms\""));

        Assert.Equal("$.populations[0].params.tau_syn", error.JsonPath);
    }

    [Fact]
    public void Load_SizeZero_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"size\": 10", "\"size\": 0"));

        Assert.Equal("$.populations[0].size", error.JsonPath);
        Assert.Contains(">= 1", error.Rule);
    }

    [Fact]
    public void Load_DimensionlessWeightOntoLif_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"weight\": \"1 mV\"", "\"weight\": 0.5"));

        Assert.Equal("$.projections[0].weight", error.JsonPath);
        Assert.Contains("missing unit", error.Rule);
    }

    [Fact]
    public void Load_ProjectionOntoPoissonSource_IsRejected()
    {
        var ex = NetworkTexts.FailWith("\"source\": \"b\", \"target\": \"a\"", "\"source\": \"a\", \"target\": \"b\"");

        Assert.Contains(ex.Errors, e => e.JsonPath == "$.projections[0].target" && e.Rule.Contains("cannot receive"));
    }

    [Fact]
    public void Load_ListPairOutOfRange_NamesPair()
    {
        var error = Single(NetworkTexts.FailWith("{ \"rule\": \"fixed_probability\", \"p\": 0.5 }",
            "{ \"rule\": \"list\", \"pairs\": [[0, 0], [5, 0]] }"));

        Assert.Equal("$.projections[0].connect.pairs[1][0]", error.JsonPath);
        Assert.Equal("5", error.Value);
    }

    [Fact]
    public void Load_KeyOfAnotherRule_IsUnknownKey()
    {
        var error = Single(NetworkTexts.FailWith("\"p\": 0.5", "\"p\": 0.5, \"pairs\": []"));

        Assert.Equal("$.projections[0].connect.pairs", error.JsonPath);
        Assert.Contains("unknown key", error.Rule);
    }

    [Fact]
    public void Load_UnknownPlasticityRule_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"delay\": \"1 ms\"",
            "\"delay\": \"1 ms\", \"plasticity\": { \"rule\": \"magic\" }", new NetworkLoadOptions()));

        Assert.Equal("$.projections[0].plasticity.rule", error.JsonPath);
        Assert.Contains("unknown plasticity rule", error.Rule);
    }

    [Fact]
    public void Load_RecordingUnknownPopulationAndVariable_ReportsBoth()
    {
        var ex = NetworkTexts.FailWith("\"recording\": { \"spikes\": [\"a\"] }",
            "\"recording\": { \"spikes\": [\"z\"], \"state\": [ { \"population\": \"a\", \"variables\": [\"u\"] } ] }");

        Assert.Equal(["$.recording.spikes[0]", "$.recording.state[0].variables[0]"],
            ex.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void Load_MissingFile_IsValidationErrorNamingThePath()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.Load("/nonexistent/net.json"));

        Assert.StartsWith("/nonexistent/net.json", ex.Message);
    }

    [Fact]
    public void Load_DuplicateProjectionName_IsRejected()
    {
        const string projection = """
            { "name": "drive", "source": "b", "target": "a", "connect": { "rule": "one_to_one" }, "weight": "1 mV" }
            """;
        string text = NetworkTexts.Minimal
            .Replace("\"projections\": [", $"\"projections\": [ {projection}, {projection},")
            .Replace("\"size\": 5", "\"size\": 10");

        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.LoadFromText(text, "test.json"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.projections[1].name", error.JsonPath);
        Assert.Contains("duplicate projection name", error.Rule);
        Assert.Equal("drive", error.Value);
    }

    [Fact]
    public void Load_NoPopulations_IsRejected()
    {
        var ex = Assert.Throws<NetworkValidationException>(
            () => NetworkLoader.LoadFromText("{ \"populations\": [] }", "test.json"));

        Assert.Equal("$.populations", Assert.Single(ex.Errors).JsonPath);
    }

    [Theory]
    [InlineData("[[\"1 ms\"], [], [], []]", "$.populations[1].spike_times", "one array of times per neuron")]
    [InlineData("[[\"2 ms\", \"1 ms\"], [], [], [], []]", "$.populations[1].spike_times[0][1]", "ascending")]
    [InlineData("[[1], [], [], [], []]", "$.populations[1].spike_times[0][0]", "missing unit")]
    public void Load_BadSpikeTimes_NamesTheEntry(string times, string path, string rule)
    {
        var error = Single(NetworkTexts.FailWith("\"kind\": \"poisson\", \"params\": { \"rate\": \"10 Hz\" }",
            $"\"kind\": \"spike_times\", \"spike_times\": {times}"));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(rule, error.Rule);
    }

    [Fact]
    public void Load_SpikeTimesOnPoisson_IsRejected()
    {
        var error = Single(NetworkTexts.FailWith("\"params\": { \"rate\": \"10 Hz\" }",
            "\"params\": { \"rate\": \"10 Hz\" }, \"spike_times\": []"));

        Assert.Equal("$.populations[1].spike_times", error.JsonPath);
        Assert.Contains("only kinds that take spike times", error.Rule);
    }
}
