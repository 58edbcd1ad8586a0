namespace NeuroSim.Learning.Ann;

/// <summary>
/// Thrown when a NaN or an infinity appears in the loss, a gradient or the weights during training; the message
/// names the layer, the epoch and the batch. The CLI maps it to exit code 4.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(string quantity, string layer, int epoch, int batch)
        : base($"training diverged: {quantity} of layer {layer} is NaN or infinite at epoch {epoch + 1}, " +
               $"batch {batch + 1} (try a smaller learning rate)")
    {
        Quantity = quantity;
        Layer = layer;
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>What went non-finite: "loss", "weight gradient", "weights", ...</summary>
    public string Quantity { get; }

    /// <summary>The layer's name (the readout's for the loss).</summary>
    public string Layer { get; }

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>0-based batch within the epoch.</summary>
    public int Batch { get; }
}
