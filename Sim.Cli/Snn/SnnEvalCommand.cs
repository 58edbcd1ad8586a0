using NeuroSim.Cli.Training;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Cli.Snn;

/// <summary>
/// <c>neurosim eval SYNAPSES</c> for synapse files written by SNN training (training.mode = "snn"): rebuilds the
/// spiking layers over the saved store and evaluates the test set with the same encoder, keys, batch size and
/// arithmetic as training's evaluation, so it reproduces metrics.json's final test accuracy and loss exactly.
/// Reached from <c>EvalCommand</c> through <see cref="Claims"/>.
/// </summary>
public static class SnnEvalCommand
{
    /// <summary>True when <paramref name="path"/> is a synapse file of an SNN-mode network.</summary>
    public static bool Claims(string path)
    {
        try
        {
            var contents = SynapseFile.Load(path, CliLoadOptions.Default);
            return SnnTrainingReader.IsSnn(contents.Network.Training);
        }
        catch (Exception ex) when (ex is IOException or SynapseFileException or NetworkValidationException
            or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Loss and accuracy of the saved network on its (or <paramref name="data"/>'s) test set.</summary>
    public static (string Name, double Loss, double Accuracy, DataSet Test) Evaluate(string path, string? data,
        int? testLimit)
    {
        var contents = SynapseFile.Load(path, CliLoadOptions.Default);
        var spec = contents.Network;
        var reader = spec.CreateReader();
        var training = SnnTrainingReader.Read(reader, spec.Training);
        reader.ThrowIfErrors();
        training = training! with { Encoder = training.Encoder with { DtMs = spec.Simulation.Dt } };
        if (testLimit is int limit)
        {
            training = training with { Data = training.Data with { TestLimit = limit } };
        }

        var network = SpikingNetworkBuilder.Build(spec, contents.Store, training);
        var test = AnnSession.LoadTestData(training.Data, data, path);
        var encoder = training.Encoder.Create(training.Options.Bptt.Steps);
        var trainer = new SpikingTrainer(network, encoder, training.Options);
        var (loss, accuracy) = trainer.Evaluate(test);
        return (spec.Name, loss, accuracy, test);
    }

    /// <summary>Evaluates and prints; returns an exit code.</summary>
    public static int Run(string path, string? data, int? testLimit)
    {
        try
        {
            var (name, loss, accuracy, test) = Evaluate(path, data, testLimit);
            Console.WriteLine($"{name}: SNN test accuracy {100 * accuracy:F2}% ({accuracy:R}), loss {loss:F4}, " +
                $"{test.Count} samples of {test.Name}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (InputErrors.IsBadInput(ex))
        {
            return InputErrors.Report(ex);
        }
    }
}
