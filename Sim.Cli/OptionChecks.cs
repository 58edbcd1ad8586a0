namespace NeuroSim.Cli;

/// <summary>
/// Range checks of numeric command-line options and the output-folder probe that run, train and eval share.
/// Each check returns the one-line problem (naming the option and the value given) or null.
/// </summary>
public static class OptionChecks
{
    /// <summary>"--option must be >= min (got value)" when <paramref name="value"/> is given and below
    /// <paramref name="min"/>.</summary>
    public static string? AtLeast(string option, long? value, long min) =>
        value is long v && v < min ? $"{option} must be >= {min} (got {v})" : null;

    /// <summary>
    /// Creates the output folder and writes (then removes) a probe file, so an unwritable folder is reported
    /// before any simulation or training time is spent. Returns the one-line problem, or null.
    /// </summary>
    public static string? CheckWritable(string dir)
    {
        string probe = Path.Combine(dir, $".neurosim-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{dir}: the output folder is not writable: {ex.Message}";
        }
    }
}
