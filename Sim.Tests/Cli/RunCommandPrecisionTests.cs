using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Core.Network;
using NeuroSim.Tests.Core.IO;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli;

/// <summary>`neurosim run --precision float32|float64` and the file's "precision".</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RunCommandPrecisionTests : IDisposable
{
    private readonly TempFolder _temp = new("neurosim-run-precision-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string Cuba => Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json");

    // Every array of an npz (each .npy entry's bytes), by name; zip headers (times) are left out.
    private static Dictionary<string, byte[]> Arrays(string npz)
    {
        using var zip = ZipFile.OpenRead(npz);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static (int Code, string Error) Quiet(Func<int> run)
    {
        var (code, _, error) = CliTestSupport.Capture(run);
        return (code, error);
    }

    [Fact]
    public void Execute_CubaFloat64AndEventEngine_SameSpikesNpzContent()
    {
        string wide = Path.Combine(_dir, "f64"), ev = Path.Combine(_dir, "event"), two = Path.Combine(_dir, "t2");
        Assert.Equal(0, Quiet(() => RunCommand.Execute(Cuba, "150 ms", null, wide, 1, null, null, "float64")).Code);
        Assert.Equal(0, Quiet(() => RunCommand.Execute(Cuba, "150 ms", null, ev, 1, "event")).Code);
        Assert.Equal(0, Quiet(() => RunCommand.Execute(Cuba, "150 ms", null, two, 2, null, null, "float64")).Code);

        var a = Arrays(Path.Combine(wide, "spikes.npz"));
        Assert.True(a["exc_senders.npy"].Length > 4000, "too few spikes for a meaningful check");
        Assert.Equal(a, Arrays(Path.Combine(ev, "spikes.npz")));
        Assert.Equal(a, Arrays(Path.Combine(two, "spikes.npz")));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(wide, "summary.json")))!;
        Assert.Equal("float64", (string)summary["precision"]!);
        Assert.Equal("clock", (string)summary["engine"]!);
    }

    [Fact]
    public void Execute_FilePrecisionFloat64_StateNpzIsFloat64AndCliOverridesIt()
    {
        string text = File.ReadAllText(Path.Combine(NetworkTexts.RepoRoot, "networks", "lif-constant-current.json"));
        Assert.Contains("\"simulation\": {", text);
        string path = Path.Combine(_dir, "net.json");
        File.WriteAllText(path, text.Replace("\"simulation\": {", "\"simulation\": { \"precision\": \"float64\","));
        string wide = Path.Combine(_dir, "wide"), narrow = Path.Combine(_dir, "narrow");

        Assert.Equal(0, Quiet(() => RunCommand.Execute(path, "2 ms", null, wide, 1)).Code);
        Assert.Equal(0, Quiet(() => RunCommand.Execute(path, "2 ms", null, narrow, 1, null, null, "float32")).Code);

        // V(1 ms) = -70 + 40·(1 - e^(-0.1)) = -66.19349672... mV (float32 keeps ~7 digits, float64 ~15).
        string script = "import numpy as np, sys; z = np.load(sys.argv[1]); v = z['n_v'];" +
                        "print(v.shape, v.dtype, '%.10f' % float(v[9, 0]))";
        Assert.Equal("(20, 1) float64 -66.1934967214",
            NumPy.Run(script, Path.Combine(wide, "state.npz")).Trim());
        Assert.StartsWith("(20, 1) float32 -66.19349",
            NumPy.Run(script, Path.Combine(narrow, "state.npz")).Trim());
    }

    [Fact]
    public void Load_BadPrecision_ErrorNamesFileFieldAndValue()
    {
        string text = File.ReadAllText(Cuba).Replace("\"engine\": \"clock\"", "\"precision\": \"double\"");

        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.LoadFromText(text, "cuba-bad.json"));
        Assert.Contains("cuba-bad.json", ex.Message);
        Assert.Contains("$.simulation.precision", ex.Message);
        Assert.Contains("float32, float64", ex.Message);
        Assert.Contains("double", ex.Message);
        Assert.Equal(Precision.Float32, NetworkLoader.Load(Cuba).Simulation.Precision);
        Assert.Equal(Precision.Float64, NetworkLoader.LoadFromText(
            File.ReadAllText(Cuba).Replace("\"engine\": \"clock\"", "\"precision\": \"float64\""), "c.json")
            .Simulation.Precision);
    }

    [Fact]
    public void Execute_PrecisionWithEventEngine_UsageNamingTheOption()
    {
        var (code, error) = Quiet(() => RunCommand.Execute(Cuba, "10 ms", null, _dir, 1, "event", null, "float64"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--precision float64", error);
        Assert.Contains("event engine always integrates in float64", error);
    }

    [Theory]
    [InlineData("float16", "float16")]
    [InlineData("float64 --sample 0", "--precision")]
    public void Invoke_BadPrecisionOrWithSample_UsageNamingIt(string options, string fragment)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(RunCommand.Create());
        string[] args = ["run", "trained.msgpack", "--out", _dir, "--precision", .. options.Split(' ')];
        var parseError = new StringWriter();

        var (code, error) = Quiet(() => CliHost.Invoke(root, args, parseError));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(fragment, error + parseError);
    }

    [Fact]
    public void Execute_FilePrecisionFloat64WithEventEngine_RunsTheEventEngine()
    {
        // The file's precision is the clock engine's; with --engine event the run is not refused.
        string path = Path.Combine(_dir, "cuba64.json");
        File.WriteAllText(path, File.ReadAllText(Cuba).Replace("\"engine\": \"clock\"", "\"precision\": \"float64\""));
        string outDir = Path.Combine(_dir, "ev");

        Assert.Equal(0, Quiet(() => RunCommand.Execute(path, "20 ms", null, outDir, 1, "event")).Code);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.Equal("event", (string)summary["engine"]!);
        Assert.Equal("float64", (string)summary["precision"]!);
    }

    [Fact]
    public void Execute_Float64WithTrainedLayers_BadInputAtSimulationPrecision()
    {
        string path = Path.Combine(NetworkTexts.RepoRoot, "networks", "mnist-snn.json");

        var (code, error) = Quiet(() => RunCommand.Execute(path, "1 ms", null, _dir, 1, null, null, "float64"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.simulation.precision", error);
        Assert.Contains("kind leaky", error);
    }
}
