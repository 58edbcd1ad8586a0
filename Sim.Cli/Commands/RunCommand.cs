using System.CommandLine;

namespace NeuroSim.Cli.Commands;

/// <summary>The <c>neurosim run</c> command.</summary>
public static class RunCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("neurosim: 'run' is not built yet");
            return ExitCodes.InternalError;
        });
        return command;
    }
}
