using System.Runtime.InteropServices;

namespace NeuroSim.Learning.Blas;

/// <summary>
/// Single-precision matrix product C = α·op(A)·op(B) + β·C on row-major spans, where op(X) is X or Xᵀ.
/// op(A) is m × k, op(B) is k × n, C is m × n; lda, ldb, ldc are the row strides of A, B, C as stored.
/// </summary>
/// <remarks>
/// The product goes to OpenBLAS's <c>cblas_sgemm</c> when <c>libopenblas.so.0</c> loads (checked once),
/// otherwise to <see cref="ManagedGemm"/>, a blocked, vectorised fallback. Only one level of parallelism is
/// used: OpenBLAS's own threads (set with <see cref="SetThreads"/>); the callers are single-threaded.
/// OpenBLAS partitions sgemm over the rows and columns of C, never over k, so each element is summed in the
/// same order whatever the thread count, which keeps training deterministic. The environment variable
/// <c>NEUROSIM_BLAS=managed</c> forces the fallback (used by the tests and the benchmarks).
/// </remarks>
public static class Gemm
{
    private static readonly bool NativeLoaded = ProbeNative();
    private static bool forceManaged = Environment.GetEnvironmentVariable("NEUROSIM_BLAS") == "managed";

    /// <summary>True when products go to OpenBLAS, false when the managed fallback computes them.</summary>
    public static bool UsesNative => NativeLoaded && !forceManaged;

    /// <summary>A short name of the active back end, for logs and benchmark reports.</summary>
    public static string BackendName => UsesNative ? "OpenBLAS (libopenblas.so.0)" : "managed fallback";

    /// <summary>Forces the managed fallback on or off (tests compare the two back ends with it).</summary>
    public static void ForceManaged(bool value) => forceManaged = value;

    /// <summary>Sets the number of OpenBLAS threads (no effect on the single-threaded fallback).</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (NativeLoaded)
        {
            OpenBlasNative.SetNumThreads(threads);
        }
    }

    /// <summary>The number of OpenBLAS threads, or 1 for the fallback.</summary>
    public static int Threads => NativeLoaded ? OpenBlasNative.GetNumThreads() : 1;

    /// <summary>C = α·op(A)·op(B) + β·C (row-major). See the class summary for the shapes.</summary>
    public static unsafe void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        CheckShapes(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (!UsesNative)
        {
            ManagedGemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            OpenBlasNative.Sgemm(OpenBlasNative.RowMajor, transA ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                transB ? OpenBlasNative.Trans : OpenBlasNative.NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta,
                pc, ldc);
        }
    }

    private static void CheckShapes(bool transA, bool transB, int m, int n, int k, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        Need("a", aRows, aCols, lda, aLength);
        Need("b", bRows, bCols, ldb, bLength);
        Need("c", m, n, ldc, cLength);
    }

    private static void Need(string name, int rows, int cols, int ld, int length)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentOutOfRangeException("ld" + name, ld, $"row stride must be >= {cols}");
        }

        long needed = rows == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < needed)
        {
            throw new ArgumentException($"span holds {length} values, a {rows} x {cols} matrix with stride {ld} " +
                $"needs {needed}", name);
        }
    }

    private static bool ProbeNative()
    {
        if (!NativeLibrary.TryLoad(OpenBlasNative.Library, typeof(Gemm).Assembly, null, out IntPtr handle))
        {
            return false;
        }

        return NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _);
    }
}
