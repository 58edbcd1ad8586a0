using System.CommandLine;
using NeuroSim.Cli;

namespace NeuroSim.Tests.Cli;

public class CliHostTests
{
    private static (int Code, string Error) Invoke(Exception toThrow, params string[] args)
    {
        var root = new RootCommand("test");
        var boom = new Command("boom");
        boom.SetAction((Func<ParseResult, int>)(_ => throw toThrow));
        root.Subcommands.Add(boom);
        var error = new StringWriter();
        return (CliHost.Invoke(root, args, error), error.ToString());
    }

    [Fact]
    public void Invoke_UnexpectedException_PrintsOneLineWithoutStackTrace()
    {
        var (code, error) = Invoke(new InvalidOperationException("broken invariant"), "boom");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("broken invariant", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Invoke_UnexpectedExceptionWithVerbose_AddsStackTrace()
    {
        var (code, error) = Invoke(new InvalidOperationException("broken invariant"), "boom", "--verbose");

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("InvalidOperationException", error);
        Assert.True(error.TrimEnd().Split('\n').Length > 1);
    }

    [Fact]
    public void Invoke_UnauthorizedAccess_IsOutputFailure()
    {
        var (code, error) = Invoke(new UnauthorizedAccessException("Access to the path '/x/y' is denied."), "boom");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("/x/y", error);
    }

    [Fact]
    public void Invoke_Overflow_IsBadInput()
    {
        var (code, _) = Invoke(new OverflowException("Arithmetic operation resulted in an overflow."), "boom");

        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Fact]
    public void Invoke_UnknownOption_IsUsageError()
    {
        var (code, error) = Invoke(new InvalidOperationException("not reached"), "boom", "--nonsense");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--nonsense", error);
    }
}
