using System.Globalization;
using System.Text.Json.Nodes;
using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Tests.Core.IO;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli;

/// <summary>
/// `neurosim run` with the event engine's timing choice (file "timing", --timing): exact spike times in spikes.npz,
/// spike_times populations in both engines, state recording with the event engine.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RunCommandEventTimingTests : IDisposable
{
    private readonly TempFolder _temp = new("neurosim-event-timing-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string Network(string name) => Path.Combine(NetworkTexts.RepoRoot, "networks", name);

    private static (int Code, string Error) Run(string path, string outDir, string? engine = null,
        string? timing = null, string? duration = null)
    {
        var (code, _, error) = CliTestSupport.Capture(
            () => RunCommand.Execute(path, duration, null, outDir, 1, engine, timing));
        return (code, error);
    }

    // The values of one array of an .npz file, as doubles (repr: no digits lost).
    private static double[] Npz(string file, string key) =>
        NumPy.Run("import numpy as np, sys; print(' '.join(repr(float(x)) for x in np.load(sys.argv[1])"
                + "[sys.argv[2]].ravel()))", file, key)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();

    private static string Summary(string outDir, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))![key]!.GetValue<string>();

    private string ConstantCurrent(string simulationExtra)
    {
        string text = File.ReadAllText(Network("lif-constant-current.json"))
            .Replace("\"seed\": 1 }", "\"seed\": 1" + simulationExtra + " }", StringComparison.Ordinal);
        Assert.Contains(simulationExtra, text);
        string path = Path.Combine(_dir, "cc.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Run_EventEngineInFile_FirstSpikeAtExactThresholdCrossing()
    {
        // The breaker's regression test (issue 5), with "timing": "exact" (grid stays the default so that the two
        // engines agree). Constant current: V(t) = -70 mV + R·I (1 - e^(-t/tau)), R·I = 40 mV, tau = 10 ms;
        // V(t*) = -55 mV gives t* = tau·ln(40/25) = 4.700036 ms (docs/oracles.md). The root search brackets the
        // crossing to 1e-12 ms and every constant here is exact in float32, so 1e-9 ms holds with margin; the grid
        // answer (4.7 ms) is 3.6e-5 ms away. The file also records state, which the event engine now does.
        string path = ConstantCurrent(", \"engine\": \"event\", \"timing\": \"exact\"");
        string outDir = Path.Combine(_dir, "ev");

        var (code, error) = Run(path, outDir, duration: "10 ms");

        Assert.True(code == ExitCodes.Ok, error);
        double first = Npz(Path.Combine(outDir, "spikes.npz"), "n_times_ms")[0];
        Assert.Equal(10 * Math.Log(1.6), first, 1e-9);
        Assert.Equal("event", Summary(outDir, "engine"));
        Assert.Equal("exact", Summary(outDir, "timing"));
    }

    [Fact]
    public void Run_TimingOption_OverridesFileAndGridMatchesClock()
    {
        // Same file, --timing exact vs the default grid: grid gives the clock engine's stamps (4.7 ms exactly as
        // step × dt: 47 × 0.1), exact the crossing. The summary says which.
        string path = ConstantCurrent(", \"engine\": \"event\"");
        string grid = Path.Combine(_dir, "grid"), exact = Path.Combine(_dir, "exact"), clock = Path.Combine(_dir, "c");

        Assert.Equal(ExitCodes.Ok, Run(path, grid, duration: "20 ms").Code);
        Assert.Equal(ExitCodes.Ok, Run(path, exact, timing: "exact", duration: "20 ms").Code);
        Assert.Equal(ExitCodes.Ok, Run(path, clock, engine: "clock", duration: "20 ms").Code);

        Assert.Equal("grid", Summary(grid, "timing"));
        Assert.Equal("exact", Summary(exact, "timing"));
        Assert.Equal("clock", Summary(clock, "engine"));
        Assert.Equal(Npz(Path.Combine(clock, "spikes.npz"), "n_times_ms"),
            Npz(Path.Combine(grid, "spikes.npz"), "n_times_ms"));
        Assert.Equal(47 * 0.1, Npz(Path.Combine(grid, "spikes.npz"), "n_times_ms")[0]);
        Assert.Equal(10 * Math.Log(1.6), Npz(Path.Combine(exact, "spikes.npz"), "n_times_ms")[0], 1e-9);
    }

    // t* where the PSP w·τ_e/(τ_m − τ_e)(e^(-t/τ_m) − e^(-t/τ_e)) of networks/spike-times-exact.json (w = 12 mV,
    // τ_m = 20 ms, τ_e = 5 ms) first reaches V_t − E_L = 1.5 mV: bisection on the rising branch, independent of
    // the engine.
    private static double PspCrossing()
    {
        double Psp(double t) => 12 * 5.0 / 15 * (Math.Exp(-t / 20) - Math.Exp(-t / 5));
        double lo = 0, hi = 20 * 5.0 / 15 * Math.Log(4);
        while (hi - lo > 1e-14)
        {
            double mid = (lo + hi) / 2;
            if (Psp(mid) >= 1.5)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    [Fact]
    public void Run_OffGridSpikeTimesFile_EventExactToAnalyticClockWithinDt()
    {
        // networks/spike-times-exact.json: inputs at 0.2345 and 3.1415926 ms, one output spike each at t_in + t*.
        // Event engine, exact timing (the file's): 1e-9 ms (root search to 1e-12 ms; weights and potentials exact
        // in float32). Clock engine: the input acts from the start of the next step (t_in < t_{n+1} <= t_in + dt)
        // and the output is stamped with the start of its step, so it lies within one dt of the analytic time.
        double[] inputs = [0.2345, 3.1415926];
        double tStar = PspCrossing();
        string ev = Path.Combine(_dir, "ev"), clock = Path.Combine(_dir, "clock");

        var (evCode, evError) = Run(Network("spike-times-exact.json"), ev);
        var (clockCode, clockError) = Run(Network("spike-times-exact.json"), clock, engine: "clock");

        Assert.True(evCode == ExitCodes.Ok, evError);
        Assert.True(clockCode == ExitCodes.Ok, clockError);
        Assert.Equal(inputs, Npz(Path.Combine(ev, "spikes.npz"), "in_times_ms"));
        var evOut = Npz(Path.Combine(ev, "spikes.npz"), "n_times_ms");
        var clockOut = Npz(Path.Combine(clock, "spikes.npz"), "n_times_ms");
        Assert.Equal(2, evOut.Length);
        Assert.Equal(2, clockOut.Length);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(inputs[i] + tStar, evOut[i], 1e-9);
            Assert.InRange(Math.Abs(clockOut[i] - (inputs[i] + tStar)), 0, 0.1);
            Assert.True(Math.Abs(clockOut[i] - evOut[i]) > 1e-6, "the clock engine should not hit the exact time");
        }
    }

    [Fact]
    public void Run_DelayOffGridExactTiming_DeliversAfterExactDelay()
    {
        // The same file with "delay": "0.25 ms" (not a whole number of 0.1 ms steps; the loader accepts it for the
        // event engine): exact timing shifts each output spike by exactly 0.25 ms (1e-9 ms as above); the clock
        // engine and grid timing would have to round it, so they refuse it naming the projection.
        string path = Path.Combine(_dir, "delay.json");
        string text = File.ReadAllText(Network("spike-times-exact.json"))
            .Replace("\"weight\": \"12 mV\"", "\"weight\": \"12 mV\", \"delay\": \"0.25 ms\"",
                StringComparison.Ordinal);
        Assert.Contains("0.25 ms", text);
        File.WriteAllText(path, text);

        var (code, error) = Run(path, Path.Combine(_dir, "ev"));
        var (gridCode, gridError) = Run(path, Path.Combine(_dir, "grid"), timing: "grid");
        var (clockCode, clockError) = Run(path, Path.Combine(_dir, "clock"), engine: "clock");

        Assert.True(code == ExitCodes.Ok, error);
        var outputs = Npz(Path.Combine(_dir, "ev", "spikes.npz"), "n_times_ms");
        Assert.Equal(0.2345 + 0.25 + PspCrossing(), outputs[0], 1e-9);
        Assert.Equal(3.1415926 + 0.25 + PspCrossing(), outputs[1], 1e-9);
        Assert.Equal(ExitCodes.BadInput, gridCode);
        Assert.Contains("$.projections[0].delay", gridError);
        Assert.Equal(ExitCodes.BadInput, clockCode);
        Assert.Contains("$.projections[0].delay", clockError);
    }

    [Fact]
    public void Run_OffGridSpikeTimesWithGridTiming_BadInputNamingEntry()
    {
        var (code, error) = Run(Network("spike-times-exact.json"), Path.Combine(_dir, "g"), timing: "grid");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.populations[0].spike_times[0][0]", error);
        Assert.Contains("timing", error);
        Assert.Contains("0.2345 ms", error);
    }

    [Fact]
    public void Run_ExactTimingWithClockEngine_UsageError()
    {
        var (code, error) = Run(Network("lif-constant-current.json"), Path.Combine(_dir, "x"), engine: "clock",
            timing: "exact");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--timing exact needs the event engine", error);
    }

    [Fact]
    public void Run_EventGridStateRecording_MatchesClockState()
    {
        // lif-constant-current.json records v of neuron 0 every 0.1 ms. Grid timing samples the analytic state at
        // the clock engine's sample times (after the crossings at t, before the jumps due at t), so the traces agree
        // up to the clock engine's float32 state: 1e-4 mV (float32 spacing near 60 mV is 3.8e-6 mV; the exact
        // propagator's per-step rounding does not grow).
        string clock = Path.Combine(_dir, "clock"), ev = Path.Combine(_dir, "event");
        Assert.Equal(ExitCodes.Ok, Run(Network("lif-constant-current.json"), clock, "clock", duration: "30 ms").Code);
        Assert.Equal(ExitCodes.Ok, Run(Network("lif-constant-current.json"), ev, "event", duration: "30 ms").Code);

        var clockTimes = Npz(Path.Combine(clock, "state.npz"), "n_times_ms");
        var evTimes = Npz(Path.Combine(ev, "state.npz"), "n_times_ms");
        var clockV = Npz(Path.Combine(clock, "state.npz"), "n_v");
        var evV = Npz(Path.Combine(ev, "state.npz"), "n_v");

        Assert.Equal(300, evTimes.Length);
        Assert.Equal(clockTimes, evTimes);
        Assert.Equal(clockV.Length, evV.Length);
        for (int k = 0; k < evV.Length; k++)
        {
            Assert.True(Math.Abs(clockV[k] - evV[k]) < 1e-4, $"sample {k} ({evTimes[k]} ms): clock {clockV[k]} mV, "
                + $"event {evV[k]} mV");
        }
    }

    [Fact]
    public void Run_EventExactStateRecording_MatchesClosedForm()
    {
        // Exact timing: V(t) = -70 + 40(1 - e^(-t/10)) mV up to the crossing T = 10 ln 1.6 ms, then V_r = -70 mV for
        // t_ref = 2 ms, then the same rise from T + 2 ms (next crossing at 2T + 2 = 11.4 ms, after the run).
        // Tolerance 1e-5 mV: samples are stored as float32 (spacing 3.8e-6 mV near 60 mV).
        string path = ConstantCurrent(", \"engine\": \"event\", \"timing\": \"exact\"");
        string outDir = Path.Combine(_dir, "exact");
        Assert.Equal(ExitCodes.Ok, Run(path, outDir, duration: "11 ms").Code);

        var times = Npz(Path.Combine(outDir, "state.npz"), "n_times_ms");
        var v = Npz(Path.Combine(outDir, "state.npz"), "n_v");
        double T = 10 * Math.Log(1.6);
        Assert.Equal(110, times.Length);
        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            double expected = t < T ? -70 + 40 * (1 - Math.Exp(-t / 10))
                : t <= T + 2 ? -70
                : -70 + 40 * (1 - Math.Exp(-(t - T - 2) / 10));
            Assert.True(Math.Abs(expected - v[k]) < 1e-5, $"{t} ms: {v[k]} mV, closed form {expected} mV");
        }
    }
}
