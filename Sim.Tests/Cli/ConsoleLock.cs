namespace NeuroSim.Tests.Cli;

/// <summary>Serialises tests that redirect the process-wide Console streams.</summary>
internal static class ConsoleLock
{
    public static readonly object Gate = new();
}
