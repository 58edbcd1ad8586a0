using System.CommandLine;

namespace NeuroSim.Cli.Commands;

/// <summary>The <c>neurosim export</c> command.</summary>
public static class ExportCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var command = new Command("export", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("neurosim: 'export' is not built yet");
            return ExitCodes.InternalError;
        });
        return command;
    }
}
