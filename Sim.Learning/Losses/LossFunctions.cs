using System.Numerics.Tensors;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Learning.Losses;

/// <summary>
/// Readout losses over a batch stored row-major (one sample per row of <c>classes</c> values). Each returns the
/// summed loss of the rows and writes the per-sample output error δ[L] = ∂loss/∂a[L] into <c>delta</c>; the
/// weight gradient divides by the batch size (so the training loss is the batch mean).
/// </summary>
public static class LossFunctions
{
    /// <summary>
    /// Softmax cross-entropy: y = softmax(a) (shifted by max a for stability), loss = −ln y_label,
    /// δ = y − onehot(label). <paramref name="delta"/> may alias nothing else.
    /// </summary>
    public static double SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, int classes,
        Span<float> delta)
    {
        double total = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            ReadOnlySpan<float> a = logits.Slice(b * classes, classes);
            Span<float> d = delta.Slice(b * classes, classes);
            float max = TensorPrimitives.Max(a);
            TensorPrimitives.Subtract(a, max, d);
            TensorPrimitives.Exp(d, d);
            float sum = TensorPrimitives.Sum(d);
            TensorPrimitives.Multiply(d, 1f / sum, d);
            int t = labels[b];
            total -= (a[t] - max) - Math.Log(sum);
            d[t] -= 1f;
        }

        return total;
    }

    /// <summary>
    /// Mean squared error against one-hot targets: loss = ½Σ(h − t)², δ = (h − t) ⊙ f'(a) for the output
    /// activation <paramref name="activation"/>.
    /// </summary>
    public static double MeanSquaredError(ReadOnlySpan<float> preActivation, ReadOnlySpan<float> output,
        ReadOnlySpan<byte> labels, int classes, Activation activation, Span<float> delta)
    {
        double total = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            ReadOnlySpan<float> h = output.Slice(b * classes, classes);
            Span<float> d = delta.Slice(b * classes, classes);
            h.CopyTo(d);
            d[labels[b]] -= 1f;
            total += 0.5 * TensorPrimitives.Dot(d, d);
            ActivationFunctions.MultiplyByDerivative(activation, preActivation.Slice(b * classes, classes), h, d);
        }

        return total;
    }

    /// <summary>Index of the largest value of each row (ties: the lowest index), for accuracy.</summary>
    public static int ArgMax(ReadOnlySpan<float> row) => TensorPrimitives.IndexOfMax(row);
}
