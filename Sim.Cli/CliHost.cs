using System.CommandLine;

namespace NeuroSim.Cli;

/// <summary>Runs the parsed command and turns exceptions into one clear line on stderr and an exit code.</summary>
/// <remarks>
/// Commands report the errors they expect themselves (bad files, bad options). Whatever escapes them lands here:
/// one line on stderr, the exit code of <see cref="ExitCodeFor"/>, and the stack trace only with --verbose.
/// System.CommandLine's own exception handler is switched off so that nothing prints a trace behind our back.
/// </remarks>
public static class CliHost
{
    /// <summary>The global flag that adds stack traces to error reports.</summary>
    public const string VerboseFlag = "--verbose";

    /// <summary>Parses <paramref name="args"/> and invokes the matching command.</summary>
    public static int Invoke(RootCommand root, string[] args) => Invoke(root, args, Console.Error);

    /// <summary>Parses <paramref name="args"/> and invokes the matching command; host errors go to
    /// <paramref name="error"/>.</summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter error)
    {
        bool verbose = args.Contains(VerboseFlag);
        var filtered = args.Where(a => a != VerboseFlag).ToArray();
        try
        {
            ParseResult parsed = root.Parse(filtered);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine($"neurosim: {parseError.Message}");
                }

                return ExitCodes.Usage;
            }

            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            error.WriteLine($"neurosim: {Describe(ex)}");
            if (verbose)
            {
                error.WriteLine(ex.ToString());
            }

            return ExitCodeFor(ex);
        }
    }

    /// <summary>The documented exit code for an exception no command handled (see <see cref="ExitCodes"/>).</summary>
    public static int ExitCodeFor(Exception ex) => ex switch
    {
        UnauthorizedAccessException or IOException => ExitCodes.OutputFailed,
        OutOfMemoryException or OverflowException => ExitCodes.BadInput,
        _ => ExitCodes.InternalError,
    };

    /// <summary>One line for a person: what went wrong and, for internal errors, how to see more.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        UnauthorizedAccessException or IOException => $"cannot read or write a file: {ex.Message}",
        OutOfMemoryException => "not enough memory: the network or the run is too large for this machine",
        OverflowException => $"a size or value in the input is too large to handle: {ex.Message}",
        _ => $"internal error: {ex.GetType().Name}: {ex.Message} (run with {VerboseFlag} for the stack trace)",
    };
}
