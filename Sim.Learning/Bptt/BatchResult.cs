namespace NeuroSim.Learning.Bptt;

/// <summary>Outcome of one mini-batch: mean loss and the number of correct predictions.</summary>
/// <param name="Loss">Mean loss over the batch.</param>
/// <param name="Correct">Samples whose decoded class equals the label.</param>
/// <param name="Count">Samples in the batch.</param>
public readonly record struct BatchResult(double Loss, int Correct, int Count);
