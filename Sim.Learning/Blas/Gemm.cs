using System.Runtime.InteropServices;

namespace NeuroSim.Learning.Blas;

/// <summary>
/// Single-precision matrix product C = α·op(A)·op(B) + β·C on row-major spans, where op(X) is X or Xᵀ.
/// op(A) is m × k, op(B) is k × n, C is m × n; lda, ldb, ldc are the row strides of A, B, C as stored.
/// </summary>
/// <remarks>
/// The product goes to OpenBLAS's <c>cblas_sgemm</c> when <c>libopenblas.so.0</c> loads (checked once),
/// otherwise to <see cref="ManagedGemm"/>, a blocked, vectorised fallback. The environment variable
/// <c>NEUROSIM_BLAS=managed</c> forces the fallback.
/// <para>Determinism and threads: multi-threaded OpenBLAS gives results that depend on its thread count (seen
/// in the tests: the last bits of a trained network changed between 1 and 2 threads). So OpenBLAS is kept at one
/// thread, and this class provides the one level of parallelism itself: C is always cut into the same blocks of
/// <see cref="ColumnBlock"/> columns, whatever the thread count, and the blocks are computed by single-threaded
/// sgemm calls, in parallel when <see cref="SetThreads"/> allows more than one. Each element is then computed by
/// the same call on the same data for any thread count, hence bit-identical results.</para>
/// </remarks>
public static class Gemm
{
    /// <summary>Columns of C per block; fixed, so that results do not depend on the number of threads.</summary>
    public const int ColumnBlock = 128;

    private static readonly bool NativeLoaded = ProbeNative();
    private static readonly bool ManagedByEnvironment =
        Environment.GetEnvironmentVariable("NEUROSIM_BLAS") == "managed";
    [ThreadStatic]
    private static bool forceManagedOnThisThread;
    private static int threads = Environment.ProcessorCount;

    /// <summary>True when products called from this thread go to OpenBLAS, false when the managed fallback computes
    /// them (no OpenBLAS, <c>NEUROSIM_BLAS=managed</c>, or <see cref="ForceManaged"/> on this thread).</summary>
    public static bool UsesNative => NativeLoaded && !ManagedByEnvironment && !forceManagedOnThisThread;

    /// <summary>A short name of the active back end, for logs and benchmark reports.</summary>
    public static string BackendName => UsesNative ? "OpenBLAS (libopenblas.so.0)" : "managed fallback";

    /// <summary>Forces the managed fallback on or off for products called from the calling thread only (tests
    /// compare the two back ends with it; a process-wide switch changed the bits of other tests running at the
    /// same time).</summary>
    public static void ForceManaged(bool value) => forceManagedOnThisThread = value;

    /// <summary>Sets how many column blocks may be computed at once (default: the number of cores).</summary>
    public static void SetThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        threads = count;
    }

    /// <summary>The number of column blocks computed at once.</summary>
    public static int Threads => threads;

    /// <summary>C = α·op(A)·op(B) + β·C (row-major). See the class summary for the shapes.</summary>
    public static unsafe void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        CheckShapes(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        int blocks = (n + ColumnBlock - 1) / ColumnBlock;
        bool native = UsesNative;
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var job = new BlockJob(native, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            if (blocks == 1 || threads == 1)
            {
                for (int block = 0; block < blocks; block++)
                {
                    job.Run(block);
                }
            }
            else
            {
                // Parallel.For's own bookkeeping allocates a little per product; the single-thread path does not.
                var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
                Parallel.For(0, blocks, options, job.Run);
            }
        }
    }

    // One product cut into column blocks of C: block j covers columns [j·ColumnBlock, min(n, (j+1)·ColumnBlock)),
    // i.e. rows of B when B is transposed, columns of B otherwise.
    private readonly unsafe struct BlockJob(bool native, bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        public void Run(int block)
        {
            int j0 = block * ColumnBlock, width = Math.Min(ColumnBlock, n - j0);
            float* bBlock = transB ? b + (long)j0 * ldb : b + j0;
            float* cBlock = c + j0;
            if (native)
            {
                OpenBlasNative.Sgemm(OpenBlasNative.RowMajor, transA ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                    transB ? OpenBlasNative.Trans : OpenBlasNative.NoTrans, m, width, k, alpha, a, lda, bBlock, ldb,
                    beta, cBlock, ldc);
                return;
            }

            long aLength = k == 0 ? 0 : (long)((transA ? k : m) - 1) * lda + (transA ? m : k);
            long bLength = k == 0 ? 0 : (long)((transB ? width : k) - 1) * ldb + (transB ? k : width);
            long cLength = (long)(m - 1) * ldc + width;
            ManagedGemm.Sgemm(transA, transB, m, width, k, alpha, new ReadOnlySpan<float>(a, (int)aLength), lda,
                new ReadOnlySpan<float>(bBlock, (int)bLength), ldb, beta, new Span<float>(cBlock, (int)cLength), ldc);
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

        if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
        {
            return false;
        }

        // One level of parallelism: the column blocks above; OpenBLAS itself stays single-threaded.
        OpenBlasNative.SetNumThreads(1);
        return true;
    }
}
