using System.Numerics.Tensors;

namespace NeuroSim.Learning.Grapes;

/// <summary>
/// The GRAPES factors of Dellaferrera et al., "Introducing principles of synaptic integration in the optimization
/// of deep neural networks", Nature Communications 13 (2022), as restated in docs/grapes.md. All work on a
/// row-major weight matrix W of shape rows × cols = n_l × n_{l−1} (row n = postsynaptic node, column m =
/// presynaptic node) and are computed once per mini-batch from the weights before that batch's update.
/// <list type="number">
/// <item>Importance (backprop, feedback alignment): S[n] = Σ_m |W[n, m]|; F[n] = 2·S[n] / max_k S[k];
/// clipped to [1, 2] for backprop, unclipped (0, 2] for feedback alignment.</item>
/// <item>DFA per-synapse variant: P[m] = Σ_n |W[n, m]| (presynaptic, outgoing strength), normalised as
/// 2·P / max P, never clipped; the update of W[l][n, m] is scaled by P[l+1][n]·P[l][m].</item>
/// </list>
/// A layer whose weights are all zero has no strongest node; its factors are then 1 (no modulation) rather than
/// a division by zero.
/// </summary>
public static class GrapesFactors
{
    /// <summary>
    /// Writes F[n] = 2·S[n] / max S for every row n of <paramref name="weights"/> (rows × cols) into
    /// <paramref name="factors"/>, clipped to [1, 2] when <paramref name="clip"/> is true (backprop).
    /// </summary>
    public static void Importance(ReadOnlySpan<float> weights, int rows, int cols, Span<float> factors, bool clip)
    {
        CheckShape(weights, rows, cols, factors, rows);
        for (int n = 0; n < rows; n++)
        {
            factors[n] = TensorPrimitives.SumOfMagnitudes(weights.Slice(n * cols, cols));
        }

        Normalise(factors);
        if (clip)
        {
            TensorPrimitives.Clamp(factors, 1f, 2f, factors);
        }
    }

    /// <summary>
    /// Writes P[m] = 2·Σ_n |W[n, m]| / max over m, for every column m of <paramref name="weights"/> (rows × cols),
    /// into <paramref name="factors"/> (length cols); never clipped (DFA + GRAPES).
    /// </summary>
    public static void Presynaptic(ReadOnlySpan<float> weights, int rows, int cols, Span<float> factors)
    {
        CheckShape(weights, rows, cols, factors, cols);
        factors.Clear();
        for (int n = 0; n < rows; n++)
        {
            ReadOnlySpan<float> row = weights.Slice(n * cols, cols);
            for (int m = 0; m < cols; m++)
            {
                factors[m] += MathF.Abs(row[m]);
            }
        }

        Normalise(factors);
    }

    // x ← 2·x / max x, or 1 everywhere when max x is 0 (all weights zero).
    private static void Normalise(Span<float> x)
    {
        if (x.Length == 0)
        {
            return;
        }

        float max = TensorPrimitives.Max(x);
        if (max > 0f)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = 2f * x[i] / max;
            }
        }
        else
        {
            x.Fill(1f);
        }
    }

    private static void CheckShape(ReadOnlySpan<float> weights, int rows, int cols, Span<float> factors, int need)
    {
        if (weights.Length != rows * cols)
        {
            throw new ArgumentException($"weights hold {weights.Length} values, expected {rows} x {cols}");
        }

        if (factors.Length != need)
        {
            throw new ArgumentException($"factors hold {factors.Length} values, expected {need}");
        }
    }
}
