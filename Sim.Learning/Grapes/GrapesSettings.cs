namespace NeuroSim.Learning.Grapes;

/// <summary>GRAPES options of a training run (the training section's "grapes" object); off by default.</summary>
public sealed record GrapesSettings
{
    /// <summary>Whether the error signals are modulated at all.</summary>
    public bool Enabled { get; init; }

    /// <summary>Propagating (default, as the reference code) or local.</summary>
    public GrapesVersion Version { get; init; } = GrapesVersion.Propagating;

    /// <summary>GRAPES switched off.</summary>
    public static GrapesSettings Off { get; } = new();
}
