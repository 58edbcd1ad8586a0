using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

/// <summary>Keeps docs/schema/network.schema.json in step with what the loader accepts.</summary>
public class NetworkSchemaTests
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(NetworkTexts.RepoRoot, "docs", "schema", "network.schema.json")))!;

    private static readonly JsonDocumentOptions FileOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Built once: the library's global registry refuses a second schema with the same $id.
    private static readonly JsonSchema Compiled = JsonSchema.FromText(Schema.ToJsonString());

    private static JsonObject Def(string name) => Schema["$defs"]![name]!.AsObject();

    private static string[] Keys(JsonNode? obj) => [.. obj!.AsObject().Select(p => p.Key).Order()];

    [Fact]
    public void Schema_Draft202012_IsDeclared()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Schema_TopLevelKeys_MatchLoader()
    {
        Assert.Equal(NetworkLoader.TopLevelKeys.Order(), Keys(Schema["properties"]));
    }

    [Fact]
    public void Schema_KindsAndTheirParams_MatchDefaultCatalogue()
    {
        var branches = Def("population")["allOf"]!.AsArray();
        var byKind = branches.ToDictionary(b => b!["if"]!["properties"]!["kind"]!["const"]!.GetValue<string>(),
            b => b!["then"]!["properties"]!);
        var listed = Def("population")["properties"]!["kind"]!["anyOf"]![0]!["enum"]!.AsArray()
            .Select(k => k!.GetValue<string>());

        // The kinds NeuronCatalog.Default starts with (built-in and trainable spiking kinds), not what tests may
        // register into it at run time.
        NeuronKind[] kinds = [.. BuiltInNeuronKinds.All, .. TrainableSpikingKinds.All];
        Assert.Equal(kinds.Select(k => k.Name).Order(), byKind.Keys.Order());
        Assert.Equal(kinds.Select(k => k.Name).Order(), listed.Order());
        foreach (var kind in kinds)
        {
            Assert.Equal(kind.Parameters.Select(p => p.Name).Order(), Keys(byKind[kind.Name]["params"]!["properties"]));
            Assert.Equal(kind.StateVariables.Select(s => s.Name).Order(),
                Keys(byKind[kind.Name]["init"]!["properties"]));
        }
    }

    [Fact]
    public void Schema_RulesSchemesAndInputKinds_MatchLoader()
    {
        var rules = Def("connect")["properties"]!["rule"]!["enum"]!.AsArray().Select(r => r!.GetValue<string>());
        var schemes = Def("weight")["oneOf"]!.AsArray().Last()!["properties"]!["init"]!["enum"]!.AsArray()
            .Select(s => s!.GetValue<string>());
        var inputs = Def("input")["properties"]!["kind"]!["enum"]!.AsArray().Select(s => s!.GetValue<string>());

        Assert.Equal(["all_to_all", "fixed_probability", "list", "one_to_one"], rules.Order());
        Assert.Equal(WeightSpec.Schemes.Order(), schemes.Order());
        Assert.Equal(InputSpec.Kinds.Order(), inputs.Order());
    }

    [Fact]
    public void Schema_EveryNetworkFile_Validates()
    {
        var schema = Compiled;
        var files = Directory.GetFiles(Path.Combine(NetworkTexts.RepoRoot, "networks"), "*.json");

        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), FileOptions);
            var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
            Assert.True(schema.Evaluate(document.RootElement, options).IsValid, $"{file} does not match the schema");
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\"kind\": \"poisson\", \"params\": { \"rate\": \"10 Hz\" }",
        "\"kind\": \"spike_times\", \"spike_times\": [[\"1 ms\"], [], [], [], []]")]
    [InlineData("\"seed\": 5", "\"seed\": 5, \"engine\": \"event\", \"timing\": \"exact\"")]
    public void Schema_MinimalTestNetwork_IsValid(string find, string replace)
    {
        string text = find.Length == 0 ? NetworkTexts.Minimal : NetworkTexts.Minimal.Replace(find, replace);
        using var document = JsonDocument.Parse(text, FileOptions);

        Assert.True(Compiled.Evaluate(document.RootElement).IsValid);
        Assert.NotNull(NetworkLoader.LoadFromText(text, "test.json"));
    }

    [Theory]
    [InlineData("\"tau_m\": \"20 ms\"", "\"tau_m\": 20")]           // missing unit
    [InlineData("\"tau_m\": \"20 ms\"", "\"tau_mem\": \"20 ms\"")]  // unknown parameter
    [InlineData("\"p\": 0.5", "\"p\": 1.5")]                           // probability above 1
    [InlineData("\"recording\"", "\"recordings\"")]                   // unknown top-level key
    [InlineData("\"seed\": 5", "\"seed\": 5, \"timing\": \"exact\"")]    // exact timing needs the event engine
    public void Schema_FileWithMistake_IsInvalidForEditorsToo(string find, string replace)
    {
        var schema = Compiled;
        using var document = JsonDocument.Parse(NetworkTexts.Minimal.Replace(find, replace), FileOptions);

        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }
}
