using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The set-up steps of <c>train</c> that rate (ANN) and spiking (SNN) networks share: the range checks of the
/// numeric options, loading and vetting the checkpoint of <c>--resume</c>, and the output-folder probe. Each step
/// that refuses prints its one line ("neurosim: ...") to standard error itself.
/// </summary>
internal static class TrainingSetup
{
    /// <summary>The first out-of-range option of those both modes take, named with the value given; null when
    /// all are in range.</summary>
    public static string? UsageProblem(int? epochs, long? seed, int? trainLimit, int? testLimit, int? threads) =>
        OptionChecks.AtLeast("--epochs", epochs, 1) ?? OptionChecks.AtLeast("--seed", seed, 0)
        ?? OptionChecks.AtLeast("--train-limit", trainLimit, 1)
        ?? OptionChecks.AtLeast("--test-limit", testLimit, 1)
        ?? OptionChecks.AtLeast("--threads", threads, 1);

    /// <summary>
    /// Loads the network <paramref name="file"/>; with <paramref name="resume"/>, also the checkpoint there (by
    /// <paramref name="load"/>), checked against the file's network (<see cref="ResumeChecks"/>), whose network
    /// then stands for the file's. False, after printing why, when the checkpoint is refused; load errors
    /// propagate to the caller's bad-input handler.
    /// </summary>
    public static bool TryLoad(string file, string? resume, Func<string, Checkpoint> load, out NetworkSpec spec,
        out Checkpoint? checkpoint)
    {
        spec = NetworkLoader.Load(file, CliLoadOptions.Default);
        checkpoint = null;
        if (resume is null)
        {
            return true;
        }

        var loaded = load(resume);
        string? refused = ResumeChecks.NetworkMismatch(resume, loaded.Network, file, spec)
            ?? ResumeChecks.NonFiniteState(resume, loaded);
        if (refused is not null)
        {
            Console.Error.WriteLine($"neurosim: {refused}");
            return false;
        }

        (spec, checkpoint) = (loaded.Network, loaded);
        return true;
    }

    /// <summary>False, after printing why, when <paramref name="outDir"/> cannot be created or written.</summary>
    public static bool OutputWritable(string outDir)
    {
        if (OptionChecks.CheckWritable(outDir) is string unwritable)
        {
            Console.Error.WriteLine($"neurosim: {unwritable}");
            return false;
        }

        return true;
    }
}
