using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Tests.Learning.Spiking;

public class SpikeKernelsTests
{
    // A sparse raster [T, m]: about `density` of the entries nonzero, either all 1 (spikes) or arbitrary values.
    private static float[] Raster(int steps, int m, double density, bool binary, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, steps * m).Select(_ => rng.NextDouble() < density
            ? binary ? 1f : (float)(4 * rng.NextDouble() - 2) : 0f).ToArray();
    }

    private static float[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();
    }

    private static SpikeList List(float[] raster, int steps, int m)
    {
        var list = new SpikeList(steps, m);
        list.Build(raster);
        return list;
    }

    // Wᵀ [m, stride] from W [n, m]; padding lanes filled with garbage that must not leak into results.
    private static float[] Transposed(float[] w, int n, int m, int stride)
    {
        var wt = Enumerable.Repeat(1e30f, m * stride).ToArray();
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < m; j++)
            {
                wt[j * stride + k] = w[k * m + j];
            }
        }

        return wt;
    }

    public static TheoryData<int, bool, bool, bool> Shapes()
    {
        var data = new TheoryData<int, bool, bool, bool>();
        foreach (int n in new[] { 1, 7, 8, 9, 10, 63, 64, 65, 130, 256 })
        {
            data.Add(n, true, true, true);
            data.Add(n, false, false, true);
            data.Add(n, true, false, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GatherRows_SparseRaster_EqualsDenseLoopBitwise(int n, bool binary, bool withBias, bool padded)
    {
        // Dense reference: I_t[k] = b[k] + Σ_j x_tj · W[k, j] over all j ascending. Inactive inputs add 0 · w = ±0,
        // which leaves a sum that started at b (or +0) unchanged, so the sparse kernel's result is the same bits.
        const int steps = 6, m = 37;
        var x = Raster(steps, m, 0.2, binary, n);
        var w = Random(n * m, 1);
        var bias = withBias ? Random(n, 2) : null;
        int stride = padded ? SpikeKernels.PaddedStride(n) : n;
        var dest = new float[steps * n];
        SpikeKernels.GatherRows(List(x, steps, m), Transposed(w, n, m, stride), stride, bias, dest, n);

        var expected = new float[steps * n];
        for (int t = 0; t < steps; t++)
        {
            for (int k = 0; k < n; k++)
            {
                float sum = bias is null ? 0f : bias[k];
                for (int j = 0; j < m; j++)
                {
                    sum += w[k * m + j] * x[t * m + j];
                }

                expected[t * n + k] = sum;
            }
        }

        Assert.Equal(expected, dest);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScatterOuter_SparseRaster_EqualsDenseLoopBitwise(int n, bool binary, bool _, bool padded)
    {
        // Dense reference: acc[j, k] += Σ_t x_tj · g[t, k], steps ascending, starting from the accumulator's value.
        const int steps = 6, m = 37;
        var x = Raster(steps, m, 0.2, binary, 3 * n);
        int stride = padded ? SpikeKernels.PaddedStride(n) : n;
        var g = Random(steps * stride, 4);
        var acc = Random(m * stride, 5);
        var expected = (float[])acc.Clone();
        SpikeKernels.ScatterOuter(List(x, steps, m), g, stride, acc, stride, n);
        for (int j = 0; j < m; j++)
        {
            for (int k = 0; k < n; k++)
            {
                float sum = expected[j * stride + k];
                for (int t = 0; t < steps; t++)
                {
                    sum += g[t * stride + k] * x[t * m + j];
                }

                expected[j * stride + k] = sum;
            }
        }

        for (int j = 0; j < m; j++)
        {
            Assert.Equal(expected.AsSpan(j * stride, n).ToArray(), acc.AsSpan(j * stride, n).ToArray());
        }
    }

    [Fact]
    public void GatherRows_VectorAndScalarTwin_SameBits()
    {
        const int steps = 25, m = 100, n = 77;
        var list = List(Raster(steps, m, 0.3, false, 9), steps, m);
        int stride = SpikeKernels.PaddedStride(n);
        var wt = Random(m * stride, 10);
        var bias = Random(n, 11);
        var vector = new float[steps * n];
        var scalar = new float[steps * n];
        SpikeKernels.GatherRows(list, wt, stride, bias, vector, n);
        SpikeKernels.GatherRowsScalar(list, wt, stride, bias, scalar, n);
        Assert.Equal(scalar, vector);
    }

    [Fact]
    public void GatherRows_AgainstBlasGemm_AgreesToRoundingOfDifferentSummationOrder()
    {
        // BLAS sums in its own (blocked) order, so only agreement to rounding is expected: |Δ| ≤ 1e-5 · Σ|terms|
        // (≈ 100 float ulps of the largest possible partial sum; m = 200 terms).
        const int steps = 25, m = 200, n = 96;
        var x = Raster(steps, m, 0.15, true, 12);
        var w = Random(n * m, 13);
        var dest = new float[steps * n];
        int stride = SpikeKernels.PaddedStride(n);
        SpikeKernels.GatherRows(List(x, steps, m), Transposed(w, n, m, stride), stride, default, dest, n);
        var gemm = new float[steps * n];
        Gemm.Sgemm(false, true, steps, n, m, 1f, x, m, w, m, 0f, gemm, n);
        for (int t = 0; t < steps; t++)
        {
            for (int k = 0; k < n; k++)
            {
                double scale = Enumerable.Range(0, m).Sum(j => Math.Abs(x[t * m + j] * w[k * m + j]));
                Assert.True(Math.Abs(dest[t * n + k] - gemm[t * n + k]) <= 1e-5 * scale + 1e-30,
                    $"t={t} k={k}: sparse {dest[t * n + k]} vs BLAS {gemm[t * n + k]}");
            }
        }
    }

    [Fact]
    public void Build_Raster_BothViewsListEveryNonzeroEntryInOrder()
    {
        const int steps = 5, m = 19;
        var x = Raster(steps, m, 0.3, false, 14);
        x[3] = float.NaN;
        x[4] = -0f;
        var list = List(x, steps, m);
        list.IndexByInput();
        int count = 0;
        for (int t = 0; t < steps; t++)
        {
            var expected = Enumerable.Range(0, m).Where(j => x[t * m + j] != 0f || float.IsNaN(x[t * m + j]));
            Assert.Equal(expected, list.Active(t).ToArray());
            Assert.Equal(expected.Select(j => x[t * m + j]), list.Values(t).ToArray());
            count += expected.Count();
        }

        Assert.Equal(count, list.Count);
        Assert.DoesNotContain(4, list.Active(0).ToArray());
        for (int j = 0; j < m; j++)
        {
            var expected = Enumerable.Range(0, steps).Where(t => x[t * m + j] != 0f || float.IsNaN(x[t * m + j]));
            Assert.Equal(expected, list.StepsOf(j).ToArray());
            Assert.Equal(expected.Select(t => x[t * m + j]), list.ValuesOf(j).ToArray());
        }
    }

    [Fact]
    public void Build_SpikesOrValues_BinaryOnlyWhenEveryActiveEntryIsOne()
    {
        var spikes = Raster(4, 30, 0.3, true, 16);
        Assert.True(List(spikes, 4, 30).Binary);
        spikes[Array.IndexOf(spikes, 1f)] = 0.5f;
        Assert.False(List(spikes, 4, 30).Binary);
        Assert.True(List(new float[4 * 30], 4, 30).Binary);
    }

    [Fact]
    public void Encode_PoissonEncoder_SameListAsBuildFromDenseRaster()
    {
        const int steps = 25, m = 784;
        var encoder = new NeuroSim.Encoders.Spikes.PoissonEncoder(steps, 1000, 1, 7);
        var rng = new Random(15);
        var image = Enumerable.Range(0, m).Select(i => rng.NextDouble() < 0.7 ? 0f : (float)rng.NextDouble())
            .ToArray();
        image[0] = 1f;
        image[1] = 1e-9f;
        var raster = new float[steps * m];
        encoder.Encode(image, raster, 42);
        var dense = List(raster, steps, m);
        dense.IndexByInput();
        var sparse = new SpikeList(steps, m);
        sparse.Encode(encoder, image, 42);
        Assert.True(sparse.Count > 1000);
        Assert.True(sparse.Binary);
        Assert.Equal(dense.Count, sparse.Count);
        for (int t = 0; t < steps; t++)
        {
            Assert.Equal(dense.Active(t).ToArray(), sparse.Active(t).ToArray());
            Assert.Equal(dense.Values(t).ToArray(), sparse.Values(t).ToArray());
        }

        for (int j = 0; j < m; j++)
        {
            Assert.Equal(dense.StepsOf(j).ToArray(), sparse.StepsOf(j).ToArray());
        }
    }
}
