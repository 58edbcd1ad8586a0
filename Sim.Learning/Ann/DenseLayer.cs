namespace NeuroSim.Learning.Ann;

/// <summary>
/// One dense layer of an ANN: a[n] = Σ_m W[n, m]·x[m] + b[n], h = f(a). <see cref="Weights"/> is the
/// projection's array in the synapse store (row-major [post, pre], Outputs × Inputs), not a copy, so training
/// changes the store directly; <see cref="Bias"/> likewise (null when the projection has none).
/// </summary>
public sealed class DenseLayer
{
    /// <summary>Wraps the arrays of a dense projection (not copied).</summary>
    public DenseLayer(string name, int inputs, int outputs, Activation activation, float[] weights, float[]? bias)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != inputs * outputs)
        {
            throw new ArgumentException($"layer {name}: {weights.Length} weights for {outputs} x {inputs}");
        }

        if (bias is not null && bias.Length != outputs)
        {
            throw new ArgumentException($"layer {name}: {bias.Length} biases for {outputs} nodes");
        }

        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Activation = activation;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>The projection's name (used in messages: "layer h1").</summary>
    public string Name { get; }

    /// <summary>n_{l−1}, the presynaptic size.</summary>
    public int Inputs { get; }

    /// <summary>n_l, the postsynaptic size.</summary>
    public int Outputs { get; }

    /// <summary>f of the postsynaptic population.</summary>
    public Activation Activation { get; }

    /// <summary>W, Outputs × Inputs, row-major, shared with the synapse store.</summary>
    public float[] Weights { get; }

    /// <summary>b (length Outputs) or null.</summary>
    public float[]? Bias { get; }
}
