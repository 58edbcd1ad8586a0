using NeuroSim.Learning.Spiking;

namespace NeuroSim.Tests.Learning.Spiking;

public class SpikingStepKernelsTests
{
    // Lengths 0, 1, vector width ± 1 and longer, each kernel compared with its formula written as a scalar loop in
    // the same order of operations: the results must be the same bits.
    public static TheoryData<int> Lengths() => new() { 0, 1, 7, 8, 9, 17, 64, 257 };

    private static float[] Random(int n, int seed, double scale = 2)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(scale * (2 * rng.NextDouble() - 1))).ToArray();
    }

    private static float[] Spikes(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3 ? 1f : 0f).ToArray();
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LeakKernels_AnyLength_EqualScalarFormulaBitwise(int n)
    {
        float[] pv = Random(n, 1), py = Spikes(n, 2), theta = Random(n, 3), cur = Random(n, 4);
        var sub = (float[])cur.Clone();
        var zero = (float[])cur.Clone();
        SpikingStepKernels.LeakSubtract(pv, py, theta, 0.95f, sub);
        SpikingStepKernels.LeakZero(pv, py, 0.95f, zero);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(cur[k] + (0.95f * pv[k] - theta[k] * py[k]), sub[k]);
            Assert.Equal(cur[k] + 0.95f * pv[k] * (1f - py[k]), zero[k]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Heaviside_AnyLength_OneExactlyAboveThreshold(int n)
    {
        float[] v = Random(n, 5), theta = Random(n, 6), y = Enumerable.Repeat(7f, n).ToArray();
        if (n > 2)
        {
            v[1] = theta[1];
            v[2] = float.NaN;
        }

        SpikingStepKernels.Heaviside(v, theta, y);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(v[k] - theta[k] > 0f ? 1f : 0f, y[k]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ResetPaths_AnyLength_EqualScalarFormulaBitwise(int n)
    {
        float[] theta = Random(n, 7), next = Random(n, 8), v = Random(n, 9), gy = Random(n, 10);
        var sub = (float[])gy.Clone();
        var zero = (float[])gy.Clone();
        SpikingStepKernels.SubtractResetPath(theta, next, sub);
        SpikingStepKernels.ZeroResetPath(v, 0.9f, next, zero);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(gy[k] - theta[k] * next[k], sub[k]);
            Assert.Equal(gy[k] - 0.9f * v[k] * next[k], zero[k]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void StateGradient_EveryOptionAnyLength_EqualsScalarFormulaBitwise(int n)
    {
        float[] gy = Random(n, 11), sg = Random(n, 12), gv = Random(n, 13), next = Random(n, 14);
        float[] y = Spikes(n, 15), v = Random(n, 16);
        foreach (bool withGv in new[] { false, true })
        {
            foreach (bool carry in new[] { false, true })
            {
                foreach (bool subtract in new[] { false, true })
                {
                    foreach (bool relu in new[] { false, true })
                    {
                        var gi = new float[n];
                        SpikingStepKernels.StateGradient(gy, sg, withGv ? gv : default, carry ? next : default, y, v,
                            0.8f, subtract, relu, gi);
                        for (int k = 0; k < n; k++)
                        {
                            float g = gy[k] * sg[k];
                            g += withGv ? gv[k] : 0f;
                            g += carry ? subtract ? 0.8f * next[k] : 0.8f * (1f - y[k]) * next[k] : 0f;
                            Assert.Equal(relu && !(v[k] > 0f) ? 0f : g, gi[k]);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Kernels_UnalignedSubSpans_TouchOnlyTheirSlice()
    {
        // Sub-spans at an odd offset (unaligned vector loads) with a guard value either side.
        const int n = 19, offset = 3;
        float[] pv = Random(n + 8, 21), py = Spikes(n + 8, 22), theta = Random(n + 8, 23);
        var cur = Enumerable.Repeat(0.5f, n + 8).ToArray();
        SpikingStepKernels.LeakSubtract(pv.AsSpan(offset, n), py.AsSpan(offset, n), theta.AsSpan(offset, n), 0.9f,
            cur.AsSpan(offset, n));
        for (int k = 0; k < n + 8; k++)
        {
            bool inside = k >= offset && k < offset + n;
            Assert.Equal(inside ? 0.5f + (0.9f * pv[k] - theta[k] * py[k]) : 0.5f, cur[k]);
        }

        var y = Enumerable.Repeat(7f, n + 8).ToArray();
        SpikingStepKernels.Heaviside(pv.AsSpan(offset, n), theta.AsSpan(offset, n), y.AsSpan(offset, n));
        for (int k = 0; k < n + 8; k++)
        {
            bool inside = k >= offset && k < offset + n;
            Assert.Equal(inside ? pv[k] - theta[k] > 0f ? 1f : 0f : 7f, y[k]);
        }
    }
}
