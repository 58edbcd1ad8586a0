namespace NeuroSim.Learning.Ann;

/// <summary>
/// The training section's "data": a named set ("mnist-sample", "fashion-mnist") or a folder of IDX files
/// (<see cref="Set"/>), and optional limits on the number of training and test samples used (the first N, for
/// quick runs on small machines).
/// </summary>
public sealed record AnnDataSpec
{
    /// <summary>Set name or folder (relative folders are taken from the network file's folder).</summary>
    public string Set { get; init; } = "mnist-sample";

    /// <summary>Use only the first N training samples (null = all).</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Use only the first N test samples (null = all).</summary>
    public int? TestLimit { get; init; }
}
