using NeuroSim.Learning.Bptt;

namespace NeuroSim.Tests.Learning.Bptt;

/// <summary>
/// An independent float64 implementation of the smooth spiking forward pass and readout loss (the equations of
/// SpikingLayer's doc comment with y = σ(k·(v − θ))), used as the finite-difference oracle of the gradient check.
/// </summary>
internal sealed class ReferenceSnn
{
    public sealed class Layer
    {
        public required int In, Out;
        public required bool Relu, Subtract, Recurrent;
        public required double Beta, K;
        public required double[] W, B, Theta;
        public double[]? V;
    }

    public required List<Layer> Layers;
    public required SpikingLoss Loss;
    public required int Steps;

    public double BatchLoss(double[][] rasters, int[] labels)
    {
        double total = 0;
        for (int s = 0; s < rasters.Length; s++)
        {
            total += SampleLoss(rasters[s], labels[s]);
        }

        return total / rasters.Length;
    }

    private double SampleLoss(double[] x, int label)
    {
        double[] input = x, v = [], y = [];
        foreach (var l in Layers)
        {
            v = new double[Steps * l.Out];
            y = new double[Steps * l.Out];
            for (int t = 0; t < Steps; t++)
            {
                for (int k = 0; k < l.Out; k++)
                {
                    double cur = l.B[k];
                    for (int j = 0; j < l.In; j++)
                    {
                        cur += l.W[k * l.In + j] * input[t * l.In + j];
                    }

                    if (t > 0)
                    {
                        if (l.Recurrent)
                        {
                            for (int j = 0; j < l.Out; j++)
                            {
                                cur += l.V![k * l.Out + j] * y[(t - 1) * l.Out + j];
                            }
                        }

                        double pv = v[(t - 1) * l.Out + k], py = y[(t - 1) * l.Out + k];
                        cur += l.Subtract ? l.Beta * pv - l.Theta[k] * py : l.Beta * pv * (1 - py);
                    }

                    if (l.Relu)
                    {
                        cur = Math.Max(0, cur);
                    }

                    v[t * l.Out + k] = cur;
                    y[t * l.Out + k] = 1 / (1 + Math.Exp(-l.K * (cur - l.Theta[k])));
                }
            }

            input = y;
        }

        int classes = Layers[^1].Out;
        bool membrane = Loss is SpikingLoss.MembraneMse or SpikingLoss.MembraneCrossEntropy;
        var z = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            for (int t = 0; t < Steps; t++)
            {
                z[k] += (membrane ? v : y)[t * classes + k];
            }

            if (Loss != SpikingLoss.CountCrossEntropy)
            {
                z[k] /= Steps;
            }
        }

        if (Loss is SpikingLoss.CountCrossEntropy or SpikingLoss.MembraneCrossEntropy)
        {
            double norm = z.Sum(Math.Exp);
            return Math.Log(norm) - z[label];
        }

        return Enumerable.Range(0, classes).Sum(k => Math.Pow(z[k] - (k == label ? 1.0 : 0.0), 2) / classes);
    }
}
