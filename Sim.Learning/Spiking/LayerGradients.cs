namespace NeuroSim.Learning.Spiking;

/// <summary>
/// One chunk's gradient accumulators for one layer (weight gradient kept transposed, [m, stride], so that sparse
/// input spikes add contiguous rows) and the per-sample scratch of the backward pass.
/// </summary>
internal sealed class LayerGradients
{
    // Rows of WeightsTransposed that may be nonzero: the inputs active in some sample since the last Clear (or
    // added in from another chunk). A chunk of 16 rate-coded digits leaves the border pixels' rows at zero, so
    // clearing and reducing only the touched rows saves passes over the whole m × n array.
    private readonly bool[] _touched;

    public LayerGradients(SpikingLayer layer, int steps)
    {
        int n = layer.Size, m = layer.InputSize;
        Stride = layer.Stride;
        WeightsTransposed = new float[m * Stride];
        _touched = new bool[m];
        Bias = layer.Bias is null ? null : new float[n];
        RecurrentTransposed = layer.RecurrentWeights is null ? null : new float[n * n];
        Threshold = layer.ThresholdGradient is null ? null : new float[n];
        CurrentGradient = new float[steps * Stride];
        OutputScratch = new float[n];
        SurrogateScratch = new float[n];
    }

    /// <summary>Row stride of <see cref="WeightsTransposed"/> and <see cref="CurrentGradient"/> (the
    /// layer's).</summary>
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

    /// <summary>Records the rows a sample's input x wrote to (every input active at some step).</summary>
    public void MarkRows(SpikeList x) => x.MarkActiveInputs(_touched);

    /// <summary>sum.WeightsTransposed += this.WeightsTransposed, over the rows touched here (the others are 0 and
    /// adding 0 to a sum that started at +0 leaves its bits unchanged).</summary>
    public void AddWeightRowsTo(LayerGradients sum)
    {
        for (int j = 0; j < _touched.Length; j++)
        {
            if (_touched[j])
            {
                Span<float> row = sum.WeightsTransposed.AsSpan(j * Stride, Stride);
                System.Numerics.Tensors.TensorPrimitives.Add(row, WeightsTransposed.AsSpan(j * Stride, Stride), row);
                sum._touched[j] = true;
            }
        }
    }

    public void Clear()
    {
        for (int j = 0; j < _touched.Length; j++)
        {
            if (_touched[j])
            {
                WeightsTransposed.AsSpan(j * Stride, Stride).Clear();
                _touched[j] = false;
            }
        }

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
