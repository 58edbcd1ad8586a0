using System.Numerics;
using System.Numerics.Tensors;

namespace NeuroSim.Learning.Blas;

/// <summary>
/// The managed fallback of <see cref="Gemm"/> for machines without OpenBLAS: row-major
/// C = α·op(A)·op(B) + β·C, blocked over k so that a panel of B stays in cache, with the inner loops as
/// vector operations (an axpy along a row of C, or a dot product for Bᵀ). Single-threaded.
/// </summary>
internal static class ManagedGemm
{
    private const int KBlock = 128;

    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ScaleC(m, n, beta, c, ldc);
        if (k == 0 || alpha == 0f)
        {
            return;
        }

        if (transB)
        {
            ProductWithBTransposed(transA, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
        else
        {
            ProductAxpy(transA, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
    }

    private static void ScaleC(int m, int n, float beta, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    // C[i, :] += α·op(A)[i, p]·B[p, :], for p in blocks of k so that the B panel is reused across rows i.
    private static void ProductAxpy(bool transA, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        for (int p0 = 0; p0 < k; p0 += KBlock)
        {
            int p1 = Math.Min(k, p0 + KBlock);
            for (int i = 0; i < m; i++)
            {
                Span<float> cRow = c.Slice(i * ldc, n);
                for (int p = p0; p < p1; p++)
                {
                    float aip = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                    if (aip != 0f)
                    {
                        Axpy(aip, b.Slice(p * ldb, n), cRow);
                    }
                }
            }
        }
    }

    // C[i, j] += α·Σ_p op(A)[i, p]·B[j, p]: rows of B are contiguous, so each element is one dot product.
    private static void ProductWithBTransposed(bool transA, int m, int n, int k, float alpha, ReadOnlySpan<float> a,
        int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        float[]? column = transA ? new float[k] : null;
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> aRow;
            if (column is null)
            {
                aRow = a.Slice(i * lda, k);
            }
            else
            {
                for (int p = 0; p < k; p++)
                {
                    column[p] = a[p * lda + i];
                }

                aRow = column;
            }

            for (int j = 0; j < n; j++)
            {
                c[i * ldc + j] += alpha * TensorPrimitives.Dot(aRow, b.Slice(j * ldb, k));
            }
        }
    }

    /// <summary>y += s·x, vectorised with a scalar tail.</summary>
    internal static void Axpy(float s, ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var sv = new Vector<float>(s);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var yv = new Vector<float>(y.Slice(i)) + sv * new Vector<float>(x.Slice(i));
                yv.CopyTo(y.Slice(i));
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += s * x[i];
        }
    }
}
