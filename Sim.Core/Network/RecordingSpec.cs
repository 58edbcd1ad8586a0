namespace NeuroSim.Core.Network;

/// <summary>The "recording" section: which populations' spikes to keep and which states to sample.</summary>
/// <param name="Spikes">Population names whose spikes are recorded.</param>
/// <param name="State">State sampling requests.</param>
public sealed record RecordingSpec(IReadOnlyList<string> Spikes, IReadOnlyList<StateRecordingSpec> State)
{
    /// <summary>Records nothing.</summary>
    public static RecordingSpec None { get; } = new([], []);
}
