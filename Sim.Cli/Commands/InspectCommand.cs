using System.CommandLine;

namespace NeuroSim.Cli.Commands;

/// <summary>The <c>neurosim inspect</c> command.</summary>
public static class InspectCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var command = new Command("inspect", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("neurosim: 'inspect' is not built yet");
            return ExitCodes.InternalError;
        });
        return command;
    }
}
