using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;

namespace NeuroSim.Tests.Cli;

/// <summary>`neurosim run --engine event`: same outputs as the clock engine on a closed-form network.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RunCommandEventEngineTests : IDisposable
{
    private readonly TempFolder _temp = new("neurosim-run-event-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private string Network(bool recordState)
    {
        string state = recordState
            ? """, "state": [ { "population": "n", "variables": ["v"], "interval": "1 ms" } ]"""
            : "";
        string path = Path.Combine(_dir, "net.json");
        File.WriteAllText(path, $$"""
            {
              "name": "cc",
              "simulation": { "dt": "0.1 ms", "duration": "100 ms", "seed": 1 },
              "populations": [
                { "name": "n", "size": 3, "kind": "lif",
                  "params": { "tau_m": "10 ms", "c_m": "250 pF", "e_l": "-70 mV", "v_th": "-55 mV",
                              "v_reset": "-70 mV", "t_ref": "2 ms" },
                  "init": { "v": "-70 mV" } }
              ],
              "inputs": [ { "kind": "current", "target": "n", "amplitude": "1000 pA" } ],
              "recording": { "spikes": ["n"]{{state}} }
            }
            """);
        return path;
    }

    [Fact]
    public void Execute_EngineEvent_SameSpikeCountsAsClock()
    {
        // Closed form (docs/oracles.md): first spike in step 47, then every 67 steps: 15 per neuron in 100 ms.
        string clockDir = Path.Combine(_dir, "clock"), eventDir = Path.Combine(_dir, "event");
        Assert.Equal(ExitCodes.Ok, RunCommand.Execute(Network(false), null, null, clockDir, 1, "clock"));
        Assert.Equal(ExitCodes.Ok, RunCommand.Execute(Network(false), null, null, eventDir, 1, "event"));

        var clock = JsonNode.Parse(File.ReadAllText(Path.Combine(clockDir, "summary.json")))!["populations"]![0]!;
        var ev = JsonNode.Parse(File.ReadAllText(Path.Combine(eventDir, "summary.json")))!["populations"]![0]!;
        Assert.Equal(45, (long)ev["spikes"]!);
        Assert.Equal((long)clock["spikes"]!, (long)ev["spikes"]!);
        Assert.Equal((double)clock["cv_isi"]!, (double)ev["cv_isi"]!, 9);
        Assert.True(new FileInfo(Path.Combine(eventDir, "spikes.npz")).Length > 0);
    }

    [Fact]
    public void Execute_EngineEventWithStateRecording_WritesStateFile()
    {
        // State recording with the event engine samples the analytic state (values: RunCommandEventTimingTests).
        string outDir = Path.Combine(_dir, "out");
        Assert.Equal(ExitCodes.Ok,
            CliTestSupport.Capture(() => RunCommand.Execute(Network(true), null, null, outDir, 1, "event")).Code);

        Assert.True(new FileInfo(Path.Combine(outDir, "state.npz")).Length > 0);
    }

    [Fact]
    public void Execute_EngineEventWithSwitchedCurrent_BadInputNamingFileAndWhy()
    {
        // Breaker finding: a current with start/stop made the event run exit with "internal error".
        string path = Network(false);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"amplitude\": \"1000 pA\"",
            "\"amplitude\": \"1000 pA\", \"start\": \"10 ms\", \"stop\": \"40 ms\""));
        string outDir = Path.Combine(_dir, "out");
        var (code, _, error) = CliTestSupport.Capture(() => RunCommand.Execute(path, null, null, outDir, 1, "event"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("net.json", error.ToString());
        Assert.Contains("current inputs that are on for the whole run", error.ToString());
        Assert.False(File.Exists(Path.Combine(outDir, "spikes.npz")));
        Assert.Equal(ExitCodes.Ok, RunCommand.Execute(path, null, null, outDir, 1, "clock"));
    }
}
