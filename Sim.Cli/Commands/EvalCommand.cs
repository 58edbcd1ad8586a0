using System.CommandLine;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// <c>neurosim eval SYNAPSES [--data PATH]</c>: evaluates trained synapses (a synapses.msgpack written by train)
/// on the test set of the file's data set or of --data (only its t10k-* files are
/// read), with the same batch size and arithmetic as training's
/// evaluation, so it reproduces the final test accuracy of metrics.json exactly.
/// </summary>
public static class EvalCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("synapses") { Description = "synapses.msgpack written by neurosim train" };
        var data = new Option<string?>("--data") { Description = "data set name or IDX folder (default: the file's)" };
        var testLimit = new Option<string?>("--test-limit") { Description = "use only the first N test samples" };
        var command = new Command("eval", "Evaluate trained synapses on a test set.") { file, data, testLimit };
        command.SetAction(parsed =>
            OptionChecks.TryParseWhole("--test-limit", parsed.GetValue(testLimit), 1, int.MaxValue, out long? limit,
                out string why)
                ? Run(parsed.GetValue(file)!, parsed.GetValue(data), (int?)limit)
                : Usage(why));
        return command;
    }

    private static int Usage(string why)
    {
        Console.Error.WriteLine($"neurosim: {why}");
        return ExitCodes.Usage;
    }

    private static int Run(string path, string? data, int? testLimit)
    {
        if (Snn.SnnEvalCommand.Claims(path))
        {
            // Synapse files of spiking networks (training.mode = "snn") are evaluated in Sim.Cli/Snn.
            return Snn.SnnEvalCommand.Run(path, data, testLimit);
        }

        try
        {
            var (spec, store) = SynapseFileGateway.Load(path);
            AnnTrainingSpec training = AnnSession.ReadTraining(spec);
            if (testLimit is int limit)
            {
                training = training with { Data = training.Data with { TestLimit = limit } };
            }

            AnnNetwork network = AnnNetworkBuilder.Build(spec, store);
            var test = AnnSession.LoadTestData(training.Data, data, path);
            var trainer = new AnnTrainer(network, training.Options);
            var (loss, accuracy) = trainer.Evaluate(test);
            Console.WriteLine($"{spec.Name}: test accuracy {100 * accuracy:F2}% ({accuracy:R}), loss {loss:F4}, " +
                $"{test.Count} samples of {test.Name}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (InputErrors.IsBadInput(ex))
        {
            return InputErrors.Report(ex);
        }
    }
}
