using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Grapes;
using NeuroSim.Tests.Learning.Ann;

namespace NeuroSim.Tests.Learning.Grapes;

/// <summary>
/// The trainer's GRAPES gradients against the formulas of docs/grapes.md evaluated in float64 by the test itself.
/// Tolerance: the trainer works in float32 on sums of at most 8 terms, so 1e-5·max(|g|, 1e-2) is ample.
/// </summary>
public class GrapesTrainingTests
{
    private static readonly int[] Sizes = [6, 8, 7, 5, 4];

    public static TheoryData<LearningSignal, GrapesVersion> Cases() => new()
    {
        { LearningSignal.Backprop, GrapesVersion.Propagating },
        { LearningSignal.Backprop, GrapesVersion.Local },
        { LearningSignal.FeedbackAlignment, GrapesVersion.Propagating },
        { LearningSignal.FeedbackAlignment, GrapesVersion.Local },
        { LearningSignal.DirectFeedbackAlignment, GrapesVersion.Propagating },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComputeGradients_GrapesOn_MatchSpecFormulas(LearningSignal signal, GrapesVersion version)
    {
        var (net, trainer, x, y) = Setup(signal, new GrapesSettings { Enabled = true, Version = version });

        trainer.ComputeGradients(x, y, 3);

        double[][] expected = SpecGradients(net, trainer.Feedback, x, y, signal, version, grapes: true);
        for (int l = 0; l < expected.Length; l++)
        {
            AssertClose(expected[l], trainer.WeightGradient(l), $"{signal}/{version} layer {l}");
        }
    }

    [Theory]
    [InlineData(LearningSignal.Backprop)]
    [InlineData(LearningSignal.FeedbackAlignment)]
    [InlineData(LearningSignal.DirectFeedbackAlignment)]
    public void ComputeGradients_GrapesOff_MatchPlainSignal(LearningSignal signal)
    {
        var (net, trainer, x, y) = Setup(signal, GrapesSettings.Off);

        trainer.ComputeGradients(x, y, 3);

        double[][] expected = SpecGradients(net, trainer.Feedback, x, y, signal, GrapesVersion.Local, grapes: false);
        for (int l = 0; l < expected.Length; l++)
        {
            AssertClose(expected[l], trainer.WeightGradient(l), $"{signal} layer {l}");
        }
    }

    [Fact]
    public void ComputeGradients_PropagatingVsLocal_DifferOnlyBelowTopHiddenLayer()
    {
        // Spec: both scale the top hidden layer's gradient by F the same way; only the propagating version
        // sends the scaled error down, so the layers below differ while the readout's gradient is identical.
        var (_, propagating, x, y) = Setup(LearningSignal.Backprop, new GrapesSettings { Enabled = true });
        var (_, local, _, _) = Setup(LearningSignal.Backprop,
            new GrapesSettings { Enabled = true, Version = GrapesVersion.Local });

        propagating.ComputeGradients(x, y, 3);
        local.ComputeGradients(x, y, 3);

        int top = Sizes.Length - 2;
        AssertClose(local.WeightGradient(top).ToArray().Select(v => (double)v).ToArray(),
            propagating.WeightGradient(top), "readout");
        AssertClose(local.WeightGradient(top - 1).ToArray().Select(v => (double)v).ToArray(),
            propagating.WeightGradient(top - 1), "top hidden");
        for (int l = 0; l < top - 1; l++)
        {
            double diff = MaxAbsDiff(propagating.WeightGradient(l), local.WeightGradient(l));
            Assert.True(diff > 1e-4, $"layer {l}: propagating and local should differ (max diff {diff})");
        }
    }

    [Fact]
    public void ComputeGradients_BackpropGrapes_UsesClippedFactorsFromPreUpdateWeights()
    {
        var (net, trainer, x, y) = Setup(LearningSignal.Backprop, new GrapesSettings { Enabled = true });
        var before = net.Layers[0].Weights.ToArray();

        trainer.TrainBatch(x, y, 3);

        var expected = new float[Sizes[1]];
        GrapesFactors.Importance(before, Sizes[1], Sizes[0], expected, clip: true);
        Assert.Equal(expected, trainer.ImportanceFactors(0).ToArray());
        Assert.All(expected, f => Assert.InRange(f, 1f, 2f));
        Assert.NotEqual(before, net.Layers[0].Weights);
    }

    private static (AnnNetwork, AnnTrainer, float[], byte[]) Setup(LearningSignal signal, GrapesSettings grapes)
    {
        var acts = new[] { Activation.Tanh, Activation.Relu, Activation.Sigmoid, Activation.Linear };
        var net = AnnTestNetworks.Create(Sizes, acts, bias: false, seed: 3);
        var (x, y) = AnnTestNetworks.Batch(3, Sizes[0], Sizes[^1], seed: 9);
        var trainer = new AnnTrainer(net, new AnnTrainingOptions
        {
            BatchSize = 3,
            Signal = signal,
            Grapes = grapes,
            Seed = 17,
        });
        return (net, trainer, x, y);
    }

    // The formulas of docs/grapes.md, sample by sample in float64, averaged over the batch.
    private static double[][] SpecGradients(AnnNetwork net, FeedbackMatrices feedback, float[] x, byte[] y,
        LearningSignal signal, GrapesVersion version, bool grapes)
    {
        var r = new ReferenceMlp(net);
        int L = Sizes.Length - 1, features = Sizes[0];
        double[][] F = Enumerable.Range(0, L).Select(l => Importance(r.W[l], Sizes[l + 1], Sizes[l],
            clip: signal == LearningSignal.Backprop)).ToArray();
        double[][] P = Enumerable.Range(0, L).Select(l => Presynaptic(r.W[l], Sizes[l + 1], Sizes[l])).ToArray();
        var G = Enumerable.Range(0, L).Select(l => new double[Sizes[l + 1] * Sizes[l]]).ToArray();
        for (int s = 0; s < y.Length; s++)
        {
            var (a, h) = r.Forward(x.AsSpan(s * features, features));
            double[] e = ReferenceMlp.SoftmaxError(a[L - 1], y[s]);
            var delta = new double[L][];
            delta[L - 1] = e;
            for (int l = L - 2; l >= 0; l--)
            {
                int n = Sizes[l + 1], above = Sizes[l + 2], classes = Sizes[L];
                var g = new double[n];
                var sent = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    if (signal == LearningSignal.DirectFeedbackAlignment)
                    {
                        for (int c = 0; c < classes; c++)
                        {
                            sum += feedback[l]![c * n + i] * e[c];
                        }
                    }
                    else
                    {
                        double[] back = signal == LearningSignal.Backprop
                            ? r.W[l + 1]
                            : feedback[l + 1]!.Select(v => (double)v).ToArray();
                        for (int k = 0; k < above; k++)
                        {
                            sum += back[k * n + i] * delta[l + 1][k];
                        }
                    }

                    g[i] = sum * ReferenceMlp.DF(r.Activations[l], a[l][i]);
                    bool modulate = grapes && signal != LearningSignal.DirectFeedbackAlignment;
                    sent[i] = modulate && version == GrapesVersion.Propagating ? F[l][i] * g[i] : g[i];
                    g[i] = modulate ? F[l][i] * g[i] : g[i];
                }

                delta[l] = sent;
                AddOuter(G[l], g, h[l], y.Length, PostFactor(l), PreFactor(l));
            }

            AddOuter(G[L - 1], e, h[L - 1], y.Length, null, null);

            double[]? PostFactor(int l) => grapes && signal == LearningSignal.DirectFeedbackAlignment && l >= 1
                ? (l + 1 == L - 1 ? null : P[l + 1]) : null;
            double[]? PreFactor(int l) => grapes && signal == LearningSignal.DirectFeedbackAlignment && l >= 1
                ? P[l] : null;
        }

        return G;
    }

    private static void AddOuter(double[] g, double[] d, double[] h, int batch, double[]? post, double[]? pre)
    {
        for (int n = 0; n < d.Length; n++)
        {
            for (int m = 0; m < h.Length; m++)
            {
                g[n * h.Length + m] += d[n] * (post?[n] ?? 1) * h[m] * (pre?[m] ?? 1) / batch;
            }
        }
    }

    private static double[] Importance(double[] w, int rows, int cols, bool clip)
    {
        var s = Enumerable.Range(0, rows).Select(n => Enumerable.Range(0, cols).Sum(m => Math.Abs(w[n * cols + m])))
            .ToArray();
        double max = s.Max();
        return s.Select(v => clip ? Math.Clamp(2 * v / max, 1, 2) : 2 * v / max).ToArray();
    }

    private static double[] Presynaptic(double[] w, int rows, int cols)
    {
        var p = Enumerable.Range(0, cols).Select(m => Enumerable.Range(0, rows).Sum(n => Math.Abs(w[n * cols + m])))
            .ToArray();
        double max = p.Max();
        return p.Select(v => 2 * v / max).ToArray();
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-5 * Math.Max(Math.Abs(expected[i]), 1e-2);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance, $"{what}[{i}]: {actual[i]} vs {expected[i]}");
        }
    }

    private static double MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
