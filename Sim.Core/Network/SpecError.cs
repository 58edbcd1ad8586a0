namespace NeuroSim.Core.Network;

/// <summary>
/// One problem found in a network file: where it is (file, JSON path such as
/// "$.populations[2].params.tau_m", 1-based line when known), the rule broken ("must be > 0 ms") and the
/// value actually found (null when the value is missing).
/// </summary>
public sealed record SpecError(string File, string JsonPath, int? Line, string Rule, string? Value)
{
    /// <summary>Formats as "file:line: path: rule (got value)".</summary>
    public override string ToString()
    {
        string where = Line is int line ? $"{File}:{line}" : File;
        string got = Value is null ? "" : $" (got {Value})";
        return $"{where}: {JsonPath}: {Rule}{got}";
    }
}
