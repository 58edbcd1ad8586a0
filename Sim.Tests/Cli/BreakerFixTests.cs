using NeuroSim.Cli;
using NeuroSim.Cli.Commands;
using NeuroSim.Cli.Output;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Cli;

/// <summary>
/// Regression tests for the breaker's findings fixed on branch fixio (findings 1, 4, 8, 9, 10, 12, 13 of
/// breaker-findings.md; the first four are the breaker's own tests from branch `breaker`, assertions kept). Each
/// is named after the case it reproduces.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class BreakerFixTests : IDisposable
{
    private readonly TempFolder _temp = new("breaker-fix-tests-");

    private string _dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string Network(string name) => Path.Combine(NetworkTexts.RepoRoot, "networks", name);

    private static (int Code, string Error) Capture(Func<int> action)
    {
        var (code, _, error) = CliTestSupport.Capture(action);
        return (code, error);
    }

    private string SmallNetwork(string name, string projection)
    {
        string text = File.ReadAllText(Network("lif-constant-current.json"))
            .Replace("\"inputs\"", "\"projections\": [ " + projection + " ],\n  \"inputs\"", StringComparison.Ordinal);
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteNetwork(string name, string find, string replace)
    {
        string text = File.ReadAllText(Network("lif-constant-current.json"));
        Assert.Contains(find, text);
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Run_WeightBeyondFloatRange_BadInputNotNaNState()
    {
        // 1e40 mV overflows the store's float32 to +Infinity; with an opposite -1e40 mV projection the target's
        // V becomes NaN and the run still exits 0.
        string path = SmallNetwork("overflow.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"receptor\": \"exc\", \"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1e40 mV\" }");

        var (code, error) = Capture(() => RunCommand.Execute(path, "10 ms", null, Path.Combine(_dir, "o"), 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.projections[0].weight", error);
        Assert.Contains("float32", error);
    }

    [Fact]
    public void Run_StdpPlasticityInFile_RuleIsRegistered()
    {
        string path = SmallNetwork("stdp.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\", " +
            "\"plasticity\": { \"rule\": \"stdp\" } }");

        var (_, error) = Capture(() => RunCommand.Execute(path, "10 ms", null, Path.Combine(_dir, "stdp"), 1));

        Assert.DoesNotContain("unknown plasticity rule", error);
    }

    [Fact]
    public void Run_DelayOverflowingStepCount_BadInputNotOverflowException()
    {
        // "1e9 ms" = 1e10 steps of 0.1 ms: DeliveryRing's constructor threw OverflowException.
        string path = SmallNetwork("delay.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\", \"delay\": \"1e9 ms\" }");

        var (code, error) = Capture(() => RunCommand.Execute(path, "10 ms", null, Path.Combine(_dir, "delay"), 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.projections[0].delay", error);
        Assert.Contains("must be <= 1000 ms", error);
    }

    [Fact]
    public void Run_AllToAllBeyondInt32Synapses_BadInputNotOverflowException()
    {
        // 200,000 x 200,000 = 4e10 synapses: SynapseStoreBuilder.Build threw OverflowException.
        string text = File.ReadAllText(Network("lif-constant-current.json"))
            .Replace("\"size\": 3", "\"size\": 200000", StringComparison.Ordinal);
        string path = Path.Combine(_dir, "big.json");
        File.WriteAllText(path, text.Replace("\"inputs\"",
            "\"projections\": [ { \"name\": \"nn\", \"source\": \"n\", " +
            "\"target\": \"n\", \"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\" } ],\n  \"inputs\"",
            StringComparison.Ordinal));

        var (code, error) = Capture(() => RunCommand.Execute(path, "1 ms", null, Path.Combine(_dir, "big"), 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.projections[0]", error);
    }

    [Fact]
    public void Run_PopulationOfTwoBillionNeurons_BadInputNamingTheBound()
    {
        string path = WriteNetwork("huge.json", "\"size\": 3", "\"size\": 2000000000");

        var (code, error) = Capture(() => RunCommand.Execute(path, "1 ms", null, Path.Combine(_dir, "huge"), 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.populations[0].size: too large: must be between 1 and 100000000", error);
    }

    [Fact]
    public void Run_OutputFolderNotWritable_OutputFailedOneLine()
    {
        // A path below a regular file can never be created (unlike chmod, this holds for root too).
        string blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "x");

        var (code, error) = Capture(() => RunCommand.Execute(Network("lif-constant-current.json"), "10 ms", null,
            Path.Combine(blocker, "out"), 1));

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("not writable", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Run_NegativeSeedOption_UsageErrorWithValue()
    {
        var (code, error) = Capture(() => Program.Main(["run", Network("lif-constant-current.json"), "--seed", "-5",
            "--duration", "10 ms", "--out", Path.Combine(_dir, "s")]));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--seed", error);
        Assert.Contains("(got -5)", error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "s")));
    }

    [Fact]
    public void Run_SeedBeyondLongRange_ReadableUsageError()
    {
        var (code, error) = Capture(() => Program.Main(["run", Network("lif-constant-current.json"), "--seed", "1e23",
            "--duration", "10 ms", "--out", Path.Combine(_dir, "s")]));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--seed must be a whole number between 0 and 9223372036854775807 (got 1e23)", error);
        Assert.DoesNotContain("Nullable", error);
    }

    [Fact]
    public void Run_Completed_LeavesNoSpikesTempFile()
    {
        string outDir = Path.Combine(_dir, "ok");

        var (code, error) = Capture(() => RunCommand.Execute(Network("lif-constant-current.json"), "10 ms", null,
            outDir, 1));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.False(File.Exists(Path.Combine(outDir, ".spikes.tmp")));
        Assert.True(File.Exists(Path.Combine(outDir, "spikes.npz")));
    }

    [Fact]
    public void Run_ReusedOutputWithoutStateRecording_StaleStateNpzRemoved()
    {
        string outDir = Path.Combine(_dir, "reuse");
        var (first, error) = Capture(() => RunCommand.Execute(Network("lif-constant-current.json"), "10 ms", null,
            outDir, 1));
        Assert.True(first == ExitCodes.Ok, error);
        Assert.True(File.Exists(Path.Combine(outDir, "state.npz")));
        string noState = WriteNetwork("nostate.json", "\"state\": [ { \"population\": \"n\", \"variables\": [\"v\"], " +
            "\"interval\": \"0.1 ms\", \"neurons\": [0] } ],", "");

        var (second, error2) = Capture(() => RunCommand.Execute(noState, "10 ms", null, outDir, 1));

        Assert.True(second == ExitCodes.Ok, error2);
        Assert.False(File.Exists(Path.Combine(outDir, "state.npz")));
    }

    [Fact]
    public void RunProgress_CancelledToken_StopsBeforeTheNextChunk()
    {
        // The Ctrl-C path of run: the handler cancels the token, the loop stops between chunks, run exits 130.
        using var cancel = new CancellationTokenSource();
        long advanced = 0;

        Assert.Throws<OperationCanceledException>(() => RunProgress.Run(10_000, 0.1, n =>
        {
            advanced += n;
            cancel.Cancel();
        }, cancel.Token));

        Assert.InRange(advanced, 1, 9_999);
    }

    [Fact]
    public void Inspect_SynapseFileOfStdpNetwork_LoadsWithSharedOptions()
    {
        // Finding 4: a network with "plasticity": {"rule": "stdp"} must load in every command, not only run.
        string path = SmallNetwork("stdp.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\", \"plasticity\": { \"rule\": \"stdp\", " +
            "\"a_plus\": \"0.01 mV\", \"a_minus\": \"0.012 mV\", \"tau_plus\": \"20 ms\", \"tau_minus\": \"20 ms\", " +
            "\"w_min\": \"0 mV\", \"w_max\": \"2 mV\" } }");
        NetworkSpec spec = NetworkLoader.Load(path, CliLoadOptions.Default);
        string file = Path.Combine(_dir, "stdp.msgpack");
        SynapseFile.Save(file, spec, SynapseStoreBuilder.Build(spec));
        var error = new StringWriter();

        int inspect = InspectCommand.Run(file, TextWriter.Null, error);
        int export = ExportCommand.Run(file, "npz", Path.Combine(_dir, "stdp.npz"), false, TextWriter.Null, error);

        Assert.True(inspect == ExitCodes.Ok && export == ExitCodes.Ok, error.ToString());
    }

    [Fact]
    public void SynapseFileLoad_NaNWeight_FailsNamingProjectionAndIndex()
    {
        string path = SmallNetwork("w.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\" }");
        NetworkSpec spec = NetworkLoader.Load(path, CliLoadOptions.Default);
        SynapseStore store = SynapseStoreBuilder.Build(spec);
        store["nn"].Weight[4] = float.NaN;
        string file = Path.Combine(_dir, "nan.msgpack");
        SynapseFile.Save(file, spec, store);

        var ex = Assert.Throws<SynapseFileException>(() => SynapseFile.Load(file, CliLoadOptions.Default));
        var error = new StringWriter();
        int inspect = InspectCommand.Run(file, TextWriter.Null, error);

        Assert.Contains("projection 'nn' weight: synapse 4 is NaN", ex.Message);
        Assert.Equal(ExitCodes.BadInput, inspect);
    }

    [Fact]
    public void SynapseFileLoad_SynapsePayloadRelabelledCheckpoint_RefusedLikeCheckpointLoad()
    {
        // Finding 13: a SYNP payload with the header's kind changed to CKPT lacks the trainer fields; both loaders
        // (and so inspect, export and eval's weights) must refuse it.
        string path = SmallNetwork("k.json", "{ \"name\": \"nn\", \"source\": \"n\", \"target\": \"n\", " +
            "\"connect\": { \"rule\": \"all_to_all\" }, \"weight\": \"1 mV\" }");
        NetworkSpec spec = NetworkLoader.Load(path, CliLoadOptions.Default);
        string synapses = Path.Combine(_dir, "s.msgpack");
        SynapseFile.Save(synapses, spec, SynapseStoreBuilder.Build(spec));
        ContainerContent content = ContainerFile.Read(synapses, SynapseFile.CurrentVersion);
        string relabelled = Path.Combine(_dir, "relabelled.msgpack");
        ContainerFile.Write(relabelled, FileKind.Checkpoint, content.Version, content.Payload);

        var viaSynapseFile = Assert.Throws<SynapseFileException>(() => SynapseFile.Load(relabelled));
        var viaCheckpoint = Assert.Throws<SynapseFileException>(() => Checkpoint.Load(relabelled));

        Assert.Contains("trainer", viaSynapseFile.Message);
        Assert.Equal(viaCheckpoint.Message, viaSynapseFile.Message);
    }

    [Fact]
    public void Load_SizeOneE12_SaysTooLargeWithTheBound()
    {
        var ex = Assert.Throws<NetworkValidationException>(
            () => NetworkTexts.LoadWith("\"size\": 10", "\"size\": 1e12"));

        Assert.Contains("$.populations[0].size: too large: must be between 1 and 100000000", ex.Message);
    }

    [Fact]
    public void Load_SeedTwoToTheSeventy_SaysOutOfRange()
    {
        var ex = Assert.Throws<NetworkValidationException>(
            () => NetworkTexts.LoadWith("\"seed\": 5", "\"seed\": 1180591620717411303424"));

        Assert.Contains("$.simulation.seed: out of range: too large", ex.Message);
        Assert.DoesNotContain("whole number", ex.Message);
    }

    [Fact]
    public void Load_DirectoryAsNetworkFile_SaysItIsADirectory()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => NetworkLoader.Load(_dir));

        Assert.Contains("is a directory", ex.Message);
        Assert.DoesNotContain("denied", ex.Message);
    }

    [Fact]
    public void Load_MalformedJson_FileLineMessageWithoutParserPositionTail()
    {
        var ex = Assert.Throws<NetworkValidationException>(
            () => NetworkLoader.LoadFromText("{\n  \"name\": \"x\",\n  \"populations\": [ }\n", "bad.json"));

        Assert.StartsWith("bad.json:3: ", ex.Errors[0].ToString());
        Assert.DoesNotContain("LineNumber", ex.Message);
        Assert.DoesNotContain("BytePositionInLine", ex.Message);
    }

    [Fact]
    public void Run_DtOneE300Ms_BadInputWithoutParameterTail()
    {
        string path = WriteNetwork("tiny-dt.json", "\"dt\": \"0.1 ms\"", "\"dt\": \"1e-300 ms\"");

        var (code, error) = Capture(() => RunCommand.Execute(path, null, null, Path.Combine(_dir, "t"), 1));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.simulation.dt: too small", error);
        Assert.DoesNotContain("(Parameter", error);
    }

    [Fact]
    public void Run_DtLargerThanDuration_BadInputNotZeroSteps()
    {
        // 1e300 ms (the breaker's case) is beyond float32 as well; 200 ms shows the dt-vs-duration rule itself.
        string huge = WriteNetwork("huge-dt.json", "\"dt\": \"0.1 ms\"", "\"dt\": \"1e300 ms\"");
        string longer = WriteNetwork("long-dt.json", "\"dt\": \"0.1 ms\"", "\"dt\": \"200 ms\"");

        var (hugeCode, hugeError) = Capture(() => RunCommand.Execute(huge, null, null, Path.Combine(_dir, "h"), 1));
        var (code, error) = Capture(() => RunCommand.Execute(longer, null, null, Path.Combine(_dir, "l"), 1));

        Assert.Equal(ExitCodes.BadInput, hugeCode);
        Assert.Contains("$.simulation.dt", hugeError);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.simulation.dt: must not exceed the duration (100 ms)", error);
    }

    [Fact]
    public void Run_DurationOptionShorterThanDt_UsageError()
    {
        var (code, error) = Capture(() => RunCommand.Execute(Network("lif-constant-current.json"), "0.01 ms", null,
            Path.Combine(_dir, "d"), 1));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--duration must be at least one step", error);
    }
}
