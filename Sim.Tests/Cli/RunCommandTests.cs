using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Tests.Core.IO;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli;

[Collection(ProcessStateCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"neurosim-run-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string Network(string name) => Path.Combine(NetworkTexts.RepoRoot, "networks", name);

    [Fact]
    public void Execute_ConstantCurrentNetwork_WritesSummarySpikesStateAndRaster()
    {
        int code = RunCommand.Execute(Network("lif-constant-current.json"), "100 ms", null, _dir, 1);

        Assert.Equal(ExitCodes.Ok, code);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")))!;
        var population = summary["populations"]![0]!;
        Assert.Equal("n", (string)population["name"]!);
        Assert.Equal(3, (int)population["size"]!);
        // First spike in step 47, then every 67 steps: steps 47, 114, ..., 984 → 15 spikes per neuron.
        Assert.Equal(45, (long)population["spikes"]!);
        Assert.Equal(150.0, (double)population["mean_rate_hz"]!, 9);
        Assert.Equal(0.0, (double)population["cv_isi"]!, 9);
        foreach (string key in new[] { "synaptic_events", "build_seconds", "simulate_seconds", "events_per_second" })
        {
            Assert.NotNull(summary[key]);
        }

        Assert.True(new FileInfo(Path.Combine(_dir, "raster.png")).Length > 1000);
        Assert.False(File.Exists(Path.Combine(_dir, ".spikes.tmp")));
    }

    [Fact]
    public void Execute_SpikesNpz_NumPyReadsTimesAndSenders()
    {
        RunCommand.Execute(Network("lif-constant-current.json"), "20 ms", null, _dir, 1);

        string output = NumPy.Run(
            "import numpy as np, sys; z = np.load(sys.argv[1]); t = z['n_times_ms']; s = z['n_senders'];" +
            "print(t.dtype, s.dtype, len(t)); print(' '.join('%.1f' % x for x in t)); print(' '.join(map(str, s)))",
            Path.Combine(_dir, "spikes.npz"));

        var lines = output.Trim().Split('\n');
        Assert.Equal("float64 int32 9", lines[0]);
        Assert.Equal("4.7 4.7 4.7 11.4 11.4 11.4 18.1 18.1 18.1", lines[1]);
        Assert.Equal("0 1 2 0 1 2 0 1 2", lines[2]);
    }

    [Fact]
    public void Execute_StateRecording_StateNpzHasSamplesByNeurons()
    {
        RunCommand.Execute(Network("lif-constant-current.json"), "2 ms", null, _dir, 1);

        string output = NumPy.Run(
            "import numpy as np, sys; z = np.load(sys.argv[1]); print(z['n_v'].shape, z['n_v'].dtype, " +
            "round(float(z['n_v'][9, 0]), 3), round(float(z['n_times_ms'][9]), 6))",
            Path.Combine(_dir, "state.npz"));

        // V(1 ms) = -70 + 40·(1 - e^(-0.1)) = -66.1935 mV.
        Assert.Equal("(20, 1) float32 -66.193 1.0", output.Trim());
    }

    [Fact]
    public void Execute_MissingFile_BadInputNamingTheFile()
    {
        var (code, _, error) = CliTestSupport.Capture(
            () => RunCommand.Execute(Path.Combine(_dir, "nope.json"), null, null, _dir, 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.json", error.ToString());
    }

    [Theory]
    [InlineData("1 mV")]
    [InlineData("-5 ms")]
    [InlineData("soon")]
    public void TryParseDuration_NotAPositiveTime_Rejected(string text)
    {
        Assert.False(RunInputChecks.TryParseDuration(text, out _, out string why));
        Assert.NotEmpty(why);
    }

    [Theory]
    [InlineData("1s", 1000.0)]
    [InlineData("250 ms", 250.0)]
    [InlineData("0.5 s", 500.0)]
    public void TryParseDuration_Times_InMilliseconds(string text, double ms)
    {
        Assert.True(RunInputChecks.TryParseDuration(text, out double value, out _));
        Assert.Equal(ms, value, 9);
    }

    [Fact]
    public void Execute_ZeroThreads_UsageError()
    {
        Assert.Equal(ExitCodes.Usage, RunCommand.Execute(Network("cuba.json"), null, null, _dir, 0));
    }
}
