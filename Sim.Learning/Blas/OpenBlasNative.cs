using System.Runtime.InteropServices;

namespace NeuroSim.Learning.Blas;

/// <summary>
/// P/Invoke declarations for the CBLAS interface of OpenBLAS (Debian package libopenblas0-pthread, soname
/// <c>libopenblas.so.0</c>). Callers go through <see cref="Gemm"/>, which checks once that the library loads
/// and otherwise uses the managed fallback.
/// </summary>
internal static partial class OpenBlasNative
{
    /// <summary>The soname Debian's libopenblas0-pthread installs (see <c>ldconfig -p | grep blas</c>).</summary>
    public const string Library = "libopenblas.so.0";

    /// <summary>CBLAS_ORDER.CblasRowMajor.</summary>
    public const int RowMajor = 101;

    /// <summary>CBLAS_TRANSPOSE.CblasNoTrans.</summary>
    public const int NoTrans = 111;

    /// <summary>CBLAS_TRANSPOSE.CblasTrans.</summary>
    public const int Trans = 112;

    [LibraryImport(Library, EntryPoint = "cblas_sgemm")]
    public static unsafe partial void Sgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    [LibraryImport(Library, EntryPoint = "openblas_get_num_threads")]
    public static partial int GetNumThreads();
}
