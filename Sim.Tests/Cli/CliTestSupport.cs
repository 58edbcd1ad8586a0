namespace NeuroSim.Tests.Cli;

/// <summary>
/// What the CLI tests share: running a command with the process-wide Console streams captured (under
/// <see cref="ConsoleLock.Gate"/>, so that no two tests swap them at once) and restored afterwards.
/// </summary>
internal static class CliTestSupport
{
    /// <summary>
    /// Runs <paramref name="action"/> with standard output and standard error redirected to fresh writers and
    /// returns its exit code with what it wrote to each; the previous streams are restored even when it throws.
    /// </summary>
    public static (int Code, string Out, string Error) Capture(Func<int> action)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        lock (ConsoleLock.Gate)
        {
            var (savedOut, savedError) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                int code = action();
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(savedOut);
                Console.SetError(savedError);
            }
        }
    }
}
