using System.CommandLine;

namespace NeuroSim.Cli.Commands;

/// <summary>The <c>neurosim eval</c> command.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("neurosim: 'eval' is not built yet");
            return ExitCodes.InternalError;
        });
        return command;
    }
}
