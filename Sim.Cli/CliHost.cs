using System.CommandLine;

namespace NeuroSim.Cli;

/// <summary>Runs the parsed command and turns exceptions into one clear line on stderr and an exit code.</summary>
public static class CliHost
{
    /// <summary>Parses <paramref name="args"/> and invokes the matching command.</summary>
    public static int Invoke(RootCommand root, string[] args)
    {
        bool verbose = args.Contains("--verbose");
        var filtered = args.Where(a => a != "--verbose").ToArray();
        try
        {
            ParseResult parsed = root.Parse(filtered);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    Console.Error.WriteLine($"neurosim: {error.Message}");
                }

                return ExitCodes.Usage;
            }

            return parsed.Invoke();
        }
        catch (Exception ex) when (!verbose)
        {
            Console.Error.WriteLine($"neurosim: internal error: {ex.Message} (run with --verbose for details)");
            return ExitCodes.InternalError;
        }
    }
}
