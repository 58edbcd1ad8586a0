using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Losses;

namespace NeuroSim.Tests.Learning.Ann;

/// <summary>
/// An independent float64 forward pass (scalar loops, no BLAS, no TensorPrimitives) of the same layered network,
/// used as the oracle for finite-difference gradient checks and for hand-derived GRAPES gradients.
/// </summary>
internal sealed class ReferenceMlp
{
    public ReferenceMlp(AnnNetwork network)
    {
        Activations = network.Layers.Select(l => l.Activation).ToArray();
        Sizes = network.Sizes();
        W = network.Layers.Select(l => l.Weights.Select(v => (double)v).ToArray()).ToArray();
        B = network.Layers.Select(l => l.Bias?.Select(v => (double)v).ToArray()).ToArray();
    }

    public Activation[] Activations { get; }

    public int[] Sizes { get; }

    public double[][] W { get; }

    public double[]?[] B { get; }

    public static double F(Activation act, double a) => act switch
    {
        Activation.Linear => a,
        Activation.Relu => Math.Max(0, a),
        Activation.LeakyRelu => a > 0 ? a : 0.01 * a,
        Activation.Tanh => Math.Tanh(a),
        Activation.Sigmoid => 1 / (1 + Math.Exp(-a)),
        _ => throw new ArgumentOutOfRangeException(nameof(act)),
    };

    public static double DF(Activation act, double a) => act switch
    {
        Activation.Linear => 1,
        Activation.Relu => a > 0 ? 1 : 0,
        Activation.LeakyRelu => a > 0 ? 1 : 0.01,
        Activation.Tanh => 1 - Math.Tanh(a) * Math.Tanh(a),
        Activation.Sigmoid => F(act, a) * (1 - F(act, a)),
        _ => throw new ArgumentOutOfRangeException(nameof(act)),
    };

    /// <summary>Pre-activations a[l] and outputs h[l] (h[0] = x) of one sample.</summary>
    public (double[][] A, double[][] H) Forward(ReadOnlySpan<float> x)
    {
        int layers = W.Length;
        var a = new double[layers][];
        var h = new double[layers + 1][];
        h[0] = x.ToArray().Select(v => (double)v).ToArray();
        for (int l = 0; l < layers; l++)
        {
            int n = Sizes[l + 1], m = Sizes[l];
            a[l] = new double[n];
            h[l + 1] = new double[n];
            for (int i = 0; i < n; i++)
            {
                double sum = B[l]?[i] ?? 0;
                for (int j = 0; j < m; j++)
                {
                    sum += W[l][i * m + j] * h[l][j];
                }

                a[l][i] = sum;
                h[l + 1][i] = F(Activations[l], sum);
            }
        }

        return (a, h);
    }

    /// <summary>Mean loss over the samples.</summary>
    public double Loss(float[] inputs, byte[] labels, LossKind loss)
    {
        int features = Sizes[0], classes = Sizes[^1];
        double total = 0;
        for (int s = 0; s < labels.Length; s++)
        {
            var (a, h) = Forward(inputs.AsSpan(s * features, features));
            double[] z = a[^1], y = h[^1];
            if (loss == LossKind.SoftmaxCrossEntropy)
            {
                double max = z.Max();
                double logSum = Math.Log(z.Sum(v => Math.Exp(v - max))) + max;
                total += logSum - z[labels[s]];
            }
            else
            {
                for (int c = 0; c < classes; c++)
                {
                    double d = y[c] - (c == labels[s] ? 1 : 0);
                    total += 0.5 * d * d;
                }
            }
        }

        return total / labels.Length;
    }

    /// <summary>Output error e = softmax(a[L]) − t of one sample (cross-entropy).</summary>
    public static double[] SoftmaxError(double[] z, int label)
    {
        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        for (int c = 0; c < e.Length; c++)
        {
            e[c] = e[c] / sum - (c == label ? 1 : 0);
        }

        return e;
    }
}
