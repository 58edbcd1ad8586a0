using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Learning.Bptt;

/// <summary>
/// The readout losses of <see cref="SpikingLoss"/> for one sample, their gradients with respect to the
/// readout's outputs y_t and membranes v_t, and the matching decoder.
/// </summary>
internal static class ReadoutLoss
{
    private static readonly SpikeCountDecoder CountDecoder = new();
    private static readonly MeanMembraneDecoder MembraneDecoder = new();

    /// <summary>The decoder that predicts the class a loss trains for.</summary>
    public static ISpikeDecoder DecoderFor(SpikingLoss loss) =>
        loss is SpikingLoss.MembraneMse or SpikingLoss.MembraneCrossEntropy ? MembraneDecoder : CountDecoder;

    /// <summary>Whether the loss reads the membrane (so dL/dv_t is non-zero).</summary>
    public static bool UsesMembrane(SpikingLoss loss) =>
        loss is SpikingLoss.MembraneMse or SpikingLoss.MembraneCrossEntropy;

    /// <summary>
    /// Loss of one sample; writes dL/dy_t into <paramref name="gy"/> and dL/dv_t into <paramref name="gv"/>
    /// (each [T, K]), both multiplied by <paramref name="scale"/> (1/B for a batch mean). Sums over time are
    /// taken in double so that the value does not depend on T's rounding order.
    /// </summary>
    public static double Compute(SpikingLoss loss, ReadOnlySpan<float> y, ReadOnlySpan<float> v, int steps, int classes,
        int label, float scale, float on, float off, Span<float> gy, Span<float> gv, Span<double> scratch)
    {
        bool membrane = UsesMembrane(loss);
        ReadOnlySpan<float> source = membrane ? v : y;
        Span<double> z = scratch[..classes];
        for (int k = 0; k < classes; k++)
        {
            double sum = 0;
            for (int t = 0; t < steps; t++)
            {
                sum += source[t * classes + k];
            }

            z[k] = loss is SpikingLoss.CountCrossEntropy ? sum : sum / steps;
        }

        gy.Clear();
        gv.Clear();
        Span<float> target = membrane ? gv : gy;
        double value;
        if (loss is SpikingLoss.CountCrossEntropy or SpikingLoss.MembraneCrossEntropy)
        {
            // Softmax cross-entropy, shifted by the maximum for stability; dL/dz_k = p_k − 1[k = c].
            double max = double.NegativeInfinity;
            foreach (double zk in z)
            {
                max = Math.Max(max, zk);
            }

            double norm = 0;
            for (int k = 0; k < classes; k++)
            {
                norm += Math.Exp(z[k] - max);
            }

            value = Math.Log(norm) + max - z[label];
            double perStep = loss is SpikingLoss.CountCrossEntropy ? 1.0 : 1.0 / steps;
            for (int k = 0; k < classes; k++)
            {
                double dz = Math.Exp(z[k] - max) / norm - (k == label ? 1 : 0);
                Fill(target, k, classes, steps, (float)(dz * perStep * scale));
            }
        }
        else
        {
            // Mean squared error over classes of z (rate or mean membrane) against on/off targets.
            value = 0;
            for (int k = 0; k < classes; k++)
            {
                double diff = z[k] - (k == label ? on : off);
                value += diff * diff / classes;
                Fill(target, k, classes, steps, (float)(2 * diff / classes / steps * scale));
            }
        }

        return value;
    }

    private static void Fill(Span<float> g, int k, int classes, int steps, float value)
    {
        for (int t = 0; t < steps; t++)
        {
            g[t * classes + k] = value;
        }
    }
}
