using NeuroSim.Learning.Blas;

namespace NeuroSim.Tests.Learning.Blas;

[Collection(ProcessStateCollection.Name)]
public class GemmTests
{
    // Sizes cover empty, single, vector width ± 1 (8 floats with AVX2) and a block edge of the fallback (128).
    public static TheoryData<int, int, int, bool, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        var shapes = new[] { (0, 3, 2), (1, 1, 1), (3, 7, 9), (5, 9, 7), (17, 33, 129), (64, 10, 256), (9, 300, 70) };
        foreach (var (m, n, k) in shapes)
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    data.Add(m, n, k, ta, tb);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sgemm_BothBackends_MatchDoubleReference(int m, int n, int k, bool transA, bool transB)
    {
        // Strided storage (ld = cols + 3) checks that sub-matrices are addressed correctly.
        var rng = new Random(42);
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 3, ldc = n + 2;
        float[] a = Random(rng, (transA ? k : m) * lda), b = Random(rng, (transB ? n : k) * ldb);
        float[] c0 = Random(rng, m * ldc);
        const float alpha = 0.7f, beta = -0.4f;
        double[] expected = Reference(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc);

        foreach (bool managed in new[] { true, false })
        {
            if (!managed && !NativeAvailable())
            {
                continue;
            }

            float[] c = (float[])c0.Clone();
            Gemm.ForceManaged(managed);
            try
            {
                Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }
            finally
            {
                Gemm.ForceManaged(false);
            }

            // float32 sums of k terms of size <= 1: error below k·2^-24 per element; 1e-5·(k + 1) bounds it.
            double tolerance = 1e-5 * (k + 1);
            for (int i = 0; i < c.Length; i++)
            {
                Assert.True(Math.Abs(c[i] - expected[i]) <= tolerance,
                    $"{(managed ? "managed" : "OpenBLAS")} element {i}: {c[i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void Sgemm_OneVersusTwoThreads_BitIdentical()
    {
        // C is cut into the same column blocks whatever the thread count, so results must not change.
        var rng = new Random(3);
        float[] a = Random(rng, 64 * 200), b = Random(rng, 300 * 200);
        float[] one = new float[64 * 300], two = new float[64 * 300];
        try
        {
            Gemm.SetThreads(1);
            Gemm.Sgemm(false, true, 64, 300, 200, 1f, a, 200, b, 200, 0f, one, 300);
            Gemm.SetThreads(2);
            Gemm.Sgemm(false, true, 64, 300, 200, 1f, a, 200, b, 200, 0f, two, 300);
        }
        finally
        {
            Gemm.SetThreads(Environment.ProcessorCount);
        }

        Assert.Equal(one, two);
    }

    [Fact]
    public void Sgemm_OpenBlasInstalled_UsesNativeBackend()
    {
        // CI installs libopenblas0-pthread, so the native path must be the one in use there.
        Assert.True(NativeAvailable(), "libopenblas.so.0 did not load: " + Gemm.BackendName);
    }

    [Fact]
    public void Sgemm_TooShortSpan_ThrowsNamingTheMatrix()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("needs 4", ex.Message);
    }

    [Fact]
    public void ForceManaged_OnOneThread_LeavesOtherThreadsOnTheirBackend()
    {
        // The switch is for comparing back ends inside one test; other tests' threads must keep their bits.
        bool native = NativeAvailable();
        bool otherThreadNative = !native;
        Gemm.ForceManaged(true);
        try
        {
            var thread = new Thread(() => otherThreadNative = Gemm.UsesNative);
            thread.Start();
            thread.Join();
            Assert.False(Gemm.UsesNative);
        }
        finally
        {
            Gemm.ForceManaged(false);
        }

        Assert.Equal(native, otherThreadNative);
    }

    private static bool NativeAvailable()
    {
        Gemm.ForceManaged(false);
        return Gemm.UsesNative;
    }

    private static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return x;
    }

    private static double[] Reference(bool ta, bool tb, int m, int n, int k, double alpha, float[] a, int lda,
        float[] b, int ldb, double beta, float[] c, int ldc)
    {
        var result = c.Select(v => (double)v).ToArray();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = ta ? a[p * lda + i] : a[i * lda + p];
                    double y = tb ? b[j * ldb + p] : b[p * ldb + j];
                    sum += x * y;
                }

                result[i * ldc + j] = alpha * sum + beta * c[i * ldc + j];
            }
        }

        return result;
    }
}
