namespace NeuroSim.Core.Serialization;

/// <summary>
/// The format version of a synapse file or checkpoint: a newer minor version only adds optional fields (an
/// older NeuroSim skips them), a newer major version changes the layout (an older NeuroSim refuses the file).
/// </summary>
public readonly record struct FormatVersion(int Major, int Minor)
{
    /// <summary>Prints the version as <c>MAJOR.MINOR</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}";
}
