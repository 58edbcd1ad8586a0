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
    /// Parses a whole-number option given as text (so that "1e23" or "abc" get a readable message rather than the
    /// parser's type name): null text gives null. Problems: "--option must be >= min (got v)" or "--option must be
    /// a whole number between min and max (got text)".
    /// </summary>
    public static bool TryParseWhole(string option, string? text, long min, long max, out long? value,
        out string why)
    {
        value = null;
        why = "";
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out long v) && v <= max)
        {
            why = AtLeast(option, v, min) ?? "";
            value = why.Length == 0 ? v : null;
            return why.Length == 0;
        }

        why = $"{option} must be a whole number between {min} and {max} (got {text})";
        return false;
    }

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
