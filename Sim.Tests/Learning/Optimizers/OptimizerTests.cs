using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Tests.Learning.Optimizers;

public class OptimizerTests
{
    private static readonly float[][] Gradients = [[0.5f, -1f, 2f], [0.25f, 0.5f, -1f], [-0.5f, 1f, 0.1f]];

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.RmsProp)]
    [InlineData(OptimizerKind.Adam)]
    public void Update_ThreeSteps_MatchesTextbookRuleInDouble(OptimizerKind kind)
    {
        var settings = new OptimizerSettings { Kind = kind, LearningRate = 0.1f, Momentum = 0.9f, Rho = 0.9f };
        var optimizer = new Optimizer(settings);
        int slot = optimizer.Register(3);
        float[] w = [1f, -2f, 0.5f];
        double[] expected = w.Select(v => (double)v).ToArray();
        double[] m = new double[3], v = new double[3];

        for (int t = 1; t <= Gradients.Length; t++)
        {
            optimizer.BeginStep();
            optimizer.Update(slot, w, Gradients[t - 1]);
            Reference(kind, t, expected, Gradients[t - 1], m, v);
        }

        // Float32 arithmetic on O(1) values over three steps: rounding stays below 1e-6.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], w[i], 5);
        }
    }

    [Fact]
    public void LearningRateAt_StepDecay_MultipliesByGammaEveryStepEpochs()
    {
        var s = new OptimizerSettings { LearningRate = 0.1f, StepEpochs = 2, Gamma = 0.5f };
        Assert.Equal(0.1f, s.LearningRateAt(0));
        Assert.Equal(0.1f, s.LearningRateAt(1));
        Assert.Equal(0.05f, s.LearningRateAt(2), 7);
        Assert.Equal(0.025f, s.LearningRateAt(5), 7);
    }

    [Fact]
    public void RestoreState_AfterTwoSteps_ContinuesExactlyLikeUninterrupted()
    {
        var settings = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01f };
        var a = new Optimizer(settings);
        int slot = a.Register(3);
        float[] wa = [1f, 2f, 3f];
        for (int t = 0; t < 2; t++)
        {
            a.BeginStep();
            a.Update(slot, wa, Gradients[t]);
        }

        var b = new Optimizer(settings);
        b.Register(3);
        b.RestoreState(a.StepCount, a.StateArrays.Select(x => (float[])x.Clone()).ToList());
        float[] wb = (float[])wa.Clone();
        a.BeginStep();
        a.Update(slot, wa, Gradients[2]);
        b.BeginStep();
        b.Update(slot, wb, Gradients[2]);

        Assert.Equal(wa, wb);
    }

    private static void Reference(OptimizerKind kind, int t, double[] w, float[] g, double[] m, double[] v)
    {
        const double eta = 0.1, mu = 0.9, rho = 0.9, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        for (int i = 0; i < w.Length; i++)
        {
            switch (kind)
            {
                case OptimizerKind.Sgd:
                    w[i] -= eta * g[i];
                    break;
                case OptimizerKind.Momentum:
                    m[i] = mu * m[i] + g[i];
                    w[i] -= eta * m[i];
                    break;
                case OptimizerKind.Nesterov:
                    m[i] = mu * m[i] + g[i];
                    w[i] -= eta * (g[i] + mu * m[i]);
                    break;
                case OptimizerKind.RmsProp:
                    v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                    w[i] -= eta * g[i] / (Math.Sqrt(v[i]) + eps);
                    break;
                case OptimizerKind.Adam:
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    w[i] -= eta * (m[i] / (1 - Math.Pow(b1, t))) / (Math.Sqrt(v[i] / (1 - Math.Pow(b2, t))) + eps);
                    break;
            }
        }
    }
}
