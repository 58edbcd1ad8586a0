namespace NeuroSim.Learning.Ann;

/// <summary>
/// A layered rate network: input x = h[0] of <see cref="InputSize"/> values, then dense layers
/// h[l] = f_l(W[l]·h[l−1] + b[l]) for l = 1..L, the last one the readout.
/// </summary>
public sealed class AnnNetwork
{
    /// <summary>Checks that the layers form a chain (each one's inputs are the previous one's outputs).</summary>
    public AnnNetwork(int inputSize, IReadOnlyList<DenseLayer> layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        if (layers.Count == 0)
        {
            throw new ArgumentException("an ANN needs at least one layer", nameof(layers));
        }

        int size = inputSize;
        foreach (DenseLayer layer in layers)
        {
            if (layer.Inputs != size)
            {
                throw new ArgumentException($"layer {layer.Name} takes {layer.Inputs} inputs but receives {size}");
            }

            size = layer.Outputs;
        }

        InputSize = inputSize;
        Layers = layers;
    }

    /// <summary>n_0.</summary>
    public int InputSize { get; }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<DenseLayer> Layers { get; }

    /// <summary>n_L, the number of readout nodes (classes).</summary>
    public int OutputSize => Layers[^1].Outputs;

    /// <summary>Layer sizes n_0..n_L.</summary>
    public int[] Sizes() => [InputSize, .. Layers.Select(l => l.Outputs)];
}
