using System.CommandLine;

namespace NeuroSim.Cli.Commands;

/// <summary>The <c>neurosim train</c> command.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("neurosim: 'train' is not built yet");
            return ExitCodes.InternalError;
        });
        return command;
    }
}
