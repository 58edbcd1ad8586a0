namespace NeuroSim.Cli;

/// <summary>The documented exit codes of <c>neurosim</c> (also listed in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected internal error (a bug): reported with --verbose for the stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>Wrong command-line usage: unknown option, missing argument, value out of range.</summary>
    public const int Usage = 2;

    /// <summary>An input file is missing, unreadable or invalid (network, synapse, checkpoint, data set).</summary>
    public const int BadInput = 3;

    /// <summary>Training stopped because a NaN or infinity appeared (loss, weights or gradients).</summary>
    public const int Diverged = 4;

    /// <summary>An output could not be written (permissions, disk full).</summary>
    public const int OutputFailed = 5;

    /// <summary>Interrupted by Ctrl-C or SIGTERM (130 = 128 + SIGINT, as shells report it); partial outputs
    /// removed.</summary>
    public const int Cancelled = 130;
}
