using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// <see cref="PairStdp"/> (scaled traces, bounds-check-free walks) against a direct implementation written
/// here: each trace as (value, time of last spike) decayed with its own exponential at every synapse visit.
/// Sparse random rows, all pairings and dependences, spike times off the grid, and a run long enough for the
/// traces' reference time to move many times. Tolerance 1e-5 absolute: both store float32 weights after every
/// update, and a last-bit difference in an amount can round a weight the other way (6e-8 each, a few hundred
/// updates per synapse).
/// </summary>
public class PairStdpReferenceTests
{
    [Theory]
    [InlineData(StdpPairing.AllToAll, WeightDependence.Additive)]
    [InlineData(StdpPairing.Nearest, WeightDependence.Additive)]
    [InlineData(StdpPairing.AllToAll, WeightDependence.Multiplicative)]
    public void RandomSparseProjection_LongRun_MatchesDirectTraces(StdpPairing pairing, WeightDependence dependence)
    {
        const int pre = 30, post = 20;
        var rng = new Random(11);
        var rowStart = new int[pre + 1];
        var targets = new List<int>();
        for (int i = 0; i < pre; i++)
        {
            for (int j = 0; j < post; j++)
                if (rng.NextDouble() < 0.3)
                    targets.Add(j);
            rowStart[i + 1] = targets.Count;
        }

        var p = new PairStdpParameters(0.004, 0.0045, 16.8, 33.7, 0, 1, pairing, dependence);
        var weights = targets.Select(_ => (float)rng.NextDouble()).ToArray();
        var reference = (float[])weights.Clone();
        var rule = new PairStdp(p);
        rule.Bind(PlasticProjection.FromRows(pre, post, rowStart, targets.ToArray(), weights));
        var direct = new DirectPairStdp(p, rowStart, targets.ToArray(), reference);

        double t = 0;
        for (int n = 0; n < 20_000; n++)
        {
            // Mostly a few ms apart; every 2000 spikes a 10 s pause (~300·τ) moves the reference time.
            t += n % 2000 == 0 ? 10_000 : 2 * rng.NextDouble();
            int k = rng.Next(pre + post);
            if (k < pre)
            {
                rule.OnPreSpike(k, t);
                direct.OnPreSpike(k, t);
            }
            else
            {
                rule.OnPostSpike(k - pre, t);
                direct.OnPostSpike(k - pre, t);
            }
        }

        for (int s = 0; s < weights.Length; s++)
            Assert.Equal(reference[s], weights[s], 1e-5);
        Assert.Contains(weights, w => w > 0 && w < 1);
    }

    // The rule as a textbook would write it: an exponential per trace read.
    private sealed class DirectPairStdp(PairStdpParameters p, int[] rowStart, int[] post, float[] w)
    {
        private readonly double[] _x = new double[rowStart.Length - 1], _tx = new double[rowStart.Length - 1];
        private readonly double[] _y = new double[post.Max() + 1], _ty = new double[post.Max() + 1];

        public void OnPreSpike(int i, double t)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                int j = post[k];
                double y = _y[j] * Math.Exp(-(t - _ty[j]) / p.TauMinus);
                double step = p.Dependence == WeightDependence.Additive ? p.AMinus * y : p.AMinus * y * (w[k] - p.WMin);
                w[k] = (float)Math.Clamp(w[k] - step, p.WMin, p.WMax);
            }

            _x[i] = (p.Pairing == StdpPairing.Nearest ? 0 : _x[i] * Math.Exp(-(t - _tx[i]) / p.TauPlus)) + 1;
            _tx[i] = t;
        }

        public void OnPostSpike(int j, double t)
        {
            for (int i = 0; i < _x.Length; i++)
            {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    if (post[k] != j)
                        continue;
                    double x = _x[i] * Math.Exp(-(t - _tx[i]) / p.TauPlus);
                    double step = p.Dependence == WeightDependence.Additive
                        ? p.APlus * x
                        : p.APlus * x * (p.WMax - w[k]);
                    w[k] = (float)Math.Clamp(w[k] + step, p.WMin, p.WMax);
                }
            }

            _y[j] = (p.Pairing == StdpPairing.Nearest ? 0 : _y[j] * Math.Exp(-(t - _ty[j]) / p.TauMinus)) + 1;
            _ty[j] = t;
        }
    }
}
