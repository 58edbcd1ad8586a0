namespace NeuroSim.Learning.Bptt;

/// <summary>How the BPTT engine runs.</summary>
/// <param name="Steps">Time steps T per sample.</param>
/// <param name="Loss">Readout loss.</param>
/// <param name="Truncation">Truncated BPTT window K in steps (the state gradient is cut every K steps); 0 = full
/// BPTT.</param>
/// <param name="Threads">Worker threads (≥ 1). Results do not depend on it.</param>
/// <param name="ChunkSize">Samples per work chunk; the batch is split into fixed chunks whose gradients are
/// summed in chunk order, so results depend on the chunk size but not on the thread count.</param>
/// <param name="TargetOn">Target rate or membrane of the correct class for the MSE losses.</param>
/// <param name="TargetOff">Target of the other classes for the MSE losses.</param>
public sealed record BpttOptions(
    int Steps,
    SpikingLoss Loss = SpikingLoss.CountCrossEntropy,
    int Truncation = 0,
    int Threads = 1,
    int ChunkSize = 16,
    float TargetOn = 1f,
    float TargetOff = 0f)
{
    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfNegative(Truncation, nameof(Truncation));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(ChunkSize));
    }
}
