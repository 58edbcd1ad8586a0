using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;

namespace NeuroSim.Cli;

/// <summary>
/// The errors of bad input files that the train and eval commands report alike: exit code 3 and the message on
/// stderr (a network file's errors are already one per line, each naming file, line and JSON path).
/// </summary>
public static class InputErrors
{
    /// <summary>Whether <paramref name="ex"/> means an input file (network, synapse file, checkpoint, data set) is
    /// missing, unreadable or invalid.</summary>
    public static bool IsBadInput(Exception ex) => ex is NetworkValidationException or IOException
        or InvalidDataException or ArgumentException or SynapseFileException;

    /// <summary>Prints <paramref name="ex"/> for a person and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Report(Exception ex)
    {
        Console.Error.WriteLine(ex is NetworkValidationException ? ex.Message : $"neurosim: {ex.Message}");
        return ExitCodes.BadInput;
    }
}
