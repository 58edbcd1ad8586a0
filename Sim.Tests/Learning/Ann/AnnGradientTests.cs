using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Losses;

namespace NeuroSim.Tests.Learning.Ann;

public class AnnGradientTests
{
    public static TheoryData<Activation, Activation, LossKind> Cases() => new()
    {
        { Activation.Relu, Activation.Linear, LossKind.SoftmaxCrossEntropy },
        { Activation.LeakyRelu, Activation.Linear, LossKind.SoftmaxCrossEntropy },
        { Activation.Tanh, Activation.Linear, LossKind.SoftmaxCrossEntropy },
        { Activation.Sigmoid, Activation.Linear, LossKind.SoftmaxCrossEntropy },
        { Activation.Linear, Activation.Linear, LossKind.SoftmaxCrossEntropy },
        { Activation.Tanh, Activation.Sigmoid, LossKind.MeanSquaredError },
        { Activation.Relu, Activation.Linear, LossKind.MeanSquaredError },
        { Activation.Sigmoid, Activation.Tanh, LossKind.MeanSquaredError },
        { Activation.LeakyRelu, Activation.Relu, LossKind.MeanSquaredError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComputeGradients_GrapesOff_MatchCentralFiniteDifferences(Activation hidden, Activation readout,
        LossKind loss)
    {
        // 5-7-6-4 network with biases, batch of 3. Analytic gradients are computed in float32 by the trainer;
        // finite differences use the independent float64 forward pass with step 1e-6, whose own error is
        // ~1e-10. Float32 rounding of sums of <= 7 terms bounds the analytic error near 1e-6 relative, so
        // |analytic − fd| <= 1e-4·max(|fd|, 1e-2) leaves margin yet catches any wrong term (errors of 10%+).
        int[] sizes = [5, 7, 6, 4];
        var net = AnnTestNetworks.Create(sizes, [hidden, hidden, readout], bias: true, seed: 11);
        var (x, y) = AnnTestNetworks.Batch(3, 5, 4, seed: 5);
        var trainer = new AnnTrainer(net, new AnnTrainingOptions { BatchSize = 3, Loss = loss });

        var (lossSum, _) = trainer.ComputeGradients(x, y, 3);

        var reference = new ReferenceMlp(net);
        Assert.Equal(reference.Loss(x, y, loss), lossSum / 3, 5);
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            CheckAgainstFiniteDifferences(reference, reference.W[l], trainer.WeightGradient(l).ToArray(), x, y, loss,
                $"{hidden}/{readout}/{loss} W[{l}]");
            CheckAgainstFiniteDifferences(reference, reference.B[l]!, trainer.BiasGradient(l).ToArray(), x, y, loss,
                $"{hidden}/{readout}/{loss} b[{l}]");
        }
    }

    private static void CheckAgainstFiniteDifferences(ReferenceMlp reference, double[] parameters, float[] analytic,
        float[] x, byte[] y, LossKind loss, string what)
    {
        const double step = 1e-6;
        Assert.Equal(parameters.Length, analytic.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = parameters[i];
            parameters[i] = saved + step;
            double up = reference.Loss(x, y, loss);
            parameters[i] = saved - step;
            double down = reference.Loss(x, y, loss);
            parameters[i] = saved;
            double fd = (up - down) / (2 * step);
            double tolerance = 1e-4 * Math.Max(Math.Abs(fd), 1e-2);
            Assert.True(Math.Abs(analytic[i] - fd) <= tolerance, $"{what}[{i}]: analytic {analytic[i]} vs fd {fd}");
        }
    }
}
