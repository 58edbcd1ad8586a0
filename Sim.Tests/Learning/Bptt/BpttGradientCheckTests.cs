using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Tests.Learning.Bptt;

/// <summary>
/// What is compared: a 3-4-2 spiking network over T = 6 steps, 3 samples of real-valued input, whose spike
/// function in the forward pass is the smooth σ(k·(v − θ)) (k = 4; sSNU: k = 1) and whose backward pass uses
/// σ' as the surrogate. Its BPTT gradient (float32, every parameter: W, b, V, θ of both layers) must equal the
/// central finite difference (h = 1e-6) of the same batch-mean loss computed by an independent float64
/// implementation (<see cref="ReferenceSnn"/>). Tolerance 2e-5 + 2e-3·|g|: float32 rounding of a T = 6
/// recurrence is ~1e-6 relative, the float64 difference quotient is accurate to ~1e-9.
/// </summary>
public class BpttGradientCheckTests
{
    private const int Steps = 6, Inputs = 3, Hidden = 4, Classes = 2, Batch = 3;

    [Theory]
    [InlineData(SpikingNeuronModel.Lif, ResetMode.Subtract, true, SpikingLoss.CountCrossEntropy)]
    [InlineData(SpikingNeuronModel.Lif, ResetMode.Zero, false, SpikingLoss.MembraneCrossEntropy)]
    [InlineData(SpikingNeuronModel.Lif, ResetMode.Subtract, false, SpikingLoss.RateMse)]
    [InlineData(SpikingNeuronModel.Lif, ResetMode.Zero, true, SpikingLoss.MembraneMse)]
    [InlineData(SpikingNeuronModel.Snu, ResetMode.Zero, true, SpikingLoss.CountCrossEntropy)]
    [InlineData(SpikingNeuronModel.SoftSnu, ResetMode.Zero, false, SpikingLoss.CountCrossEntropy)]
    public void ComputeGradients_SmoothForward_MatchesFloat64FiniteDifferences(SpikingNeuronModel model,
        ResetMode reset, bool recurrent, SpikingLoss loss)
    {
        var rng = new Random(1234);
        float[] Rand(int n, double scale, double offset = 0) =>
            Enumerable.Range(0, n).Select(_ => (float)(offset + scale * (2 * rng.NextDouble() - 1))).ToArray();

        var rasters = Enumerable.Range(0, Batch).Select(_ => Rand(Steps * Inputs, 0.5, 0.5)).ToArray();
        int[] labels = [0, 1, 1];
        var sizes = new[] { (Inputs, Hidden), (Hidden, Classes) };
        var layers = new List<SpikingLayer>();
        for (int l = 0; l < 2; l++)
        {
            var (m, n) = sizes[l];
            var options = new SpikingLayerOptions(m, n, model, Beta: 0.8f, Threshold: 0.4f, reset,
                Recurrent: recurrent && l == 0, TrainThreshold: true, new SigmoidSurrogate(4f), SmoothForward: true);
            layers.Add(new SpikingLayer(options, Rand(n * m, 0.9), Rand(n, 0.3),
                options.Recurrent ? Rand(n * n, 0.5) : null, Rand(n, 0.2, 0.4)));
        }

        var network = new SpikingNetwork(layers);
        network.PrepareBatch();
        var engine = new BpttEngine(network, new TableEncoder(Steps, rasters),
            new BpttOptions(Steps, loss, Threads: 2, ChunkSize: 2), Batch);
        var result = engine.ComputeGradients(new float[Batch * Inputs], labels, [0, 1, 2], Batch);

        var reference = ToReference(layers, loss, model == SpikingNeuronModel.SoftSnu ? 1.0 : 4.0);
        var x64 = rasters.Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        Assert.Equal(reference.BatchLoss(x64, labels), result.Loss, 5);

        int compared = 0;
        for (int l = 0; l < 2; l++)
        {
            var r = reference.Layers[l];
            var layer = layers[l];
            compared += Compare(r.W, layer.WeightGradient, reference, x64, labels, $"W{l}");
            compared += Compare(r.B, layer.BiasGradient!, reference, x64, labels, $"b{l}");
            compared += Compare(r.Theta, layer.ThresholdGradient!, reference, x64, labels, $"θ{l}");
            if (r.V is not null)
            {
                compared += Compare(r.V, layer.RecurrentGradient!, reference, x64, labels, $"V{l}");
            }
        }

        Assert.True(compared >= 3 * 4 + 4 + 4 + 4 * 2 + 2 + 2);
    }

    private static int Compare(double[] parameter, float[] gradient, ReferenceSnn reference, double[][] x, int[] labels,
        string name)
    {
        const double h = 1e-6;
        Assert.Equal(parameter.Length, gradient.Length);
        for (int i = 0; i < parameter.Length; i++)
        {
            double keep = parameter[i];
            parameter[i] = keep + h;
            double plus = reference.BatchLoss(x, labels);
            parameter[i] = keep - h;
            double minus = reference.BatchLoss(x, labels);
            parameter[i] = keep;
            double fd = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[i]) <= 2e-5 + 2e-3 * Math.Abs(fd),
                $"{name}[{i}]: BPTT {gradient[i]} vs finite difference {fd}");
        }

        return parameter.Length;
    }

    private static ReferenceSnn ToReference(List<SpikingLayer> layers, SpikingLoss loss, double k) => new()
    {
        Loss = loss,
        Steps = Steps,
        Layers = layers.Select(l => new ReferenceSnn.Layer
        {
            In = l.InputSize,
            Out = l.Size,
            Relu = l.Options.Model != SpikingNeuronModel.Lif,
            Subtract = l.Options.Model == SpikingNeuronModel.Lif && l.Options.Reset == ResetMode.Subtract,
            Recurrent = l.Options.Recurrent,
            Beta = l.Options.Beta,
            K = k,
            W = l.Weights.Select(w => (double)w).ToArray(),
            B = l.Bias!.Select(w => (double)w).ToArray(),
            Theta = l.Threshold.Select(w => (double)w).ToArray(),
            V = l.RecurrentWeights?.Select(w => (double)w).ToArray(),
        }).ToList(),
    };
}
