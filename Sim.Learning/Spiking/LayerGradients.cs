namespace NeuroSim.Learning.Spiking;

/// <summary>
/// One chunk's gradient accumulators for one layer (weight gradient kept transposed, [m, stride], so that sparse
/// input spikes add contiguous rows) and the per-sample scratch of the backward pass.
/// </summary>
internal sealed class LayerGradients
{
    public LayerGradients(SpikingLayer layer, int steps)
    {
        int n = layer.Size, m = layer.InputSize;
        Stride = layer.Stride;
        WeightsTransposed = new float[m * Stride];
        Bias = layer.Bias is null ? null : new float[n];
        RecurrentTransposed = layer.RecurrentWeights is null ? null : new float[n * n];
        Threshold = layer.ThresholdGradient is null ? null : new float[n];
        CurrentGradient = new float[steps * Stride];
        OutputScratch = new float[n];
        SurrogateScratch = new float[n];
    }

    /// <summary>Row stride of <see cref="WeightsTransposed"/> and <see cref="CurrentGradient"/> (the layer's).</summary>
    public int Stride { get; }

    /// <summary>dL/dWᵀ [m, <see cref="Stride"/>]; padding lanes hold no meaning.</summary>
    public float[] WeightsTransposed { get; }

    public float[]? Bias { get; }

    public float[]? RecurrentTransposed { get; }

    public float[]? Threshold { get; }

    /// <summary>dL/dI_t [T, <see cref="Stride"/>] of the sample being reversed; padding lanes stay zero.</summary>
    public float[] CurrentGradient { get; }

    public float[] OutputScratch { get; }

    public float[] SurrogateScratch { get; }

    public void Clear()
    {
        Array.Clear(WeightsTransposed);
        if (Bias is not null)
        {
            Array.Clear(Bias);
        }

        if (RecurrentTransposed is not null)
        {
            Array.Clear(RecurrentTransposed);
        }

        if (Threshold is not null)
        {
            Array.Clear(Threshold);
        }
    }
}
