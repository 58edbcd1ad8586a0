using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// The two products of a layer whose input is a sparse activity raster x [T, m] (<see cref="SpikeList"/>):
/// the input currents I_t = b + Wx_t (a sum of the weight rows of the active inputs) and the weight gradient
/// dW += Σ_t δ_t x_tᵀ (only the active (t, j) pairs). Both cost O(active entries × n) instead of O(T · m · n).
/// </summary>
/// <remarks>
/// Weights and weight gradients are held transposed, [m, stride] with stride ≥ n, so that input j's weights
/// are one contiguous row. The vector kernels keep a block of up to 64 outputs in registers while they sum all
/// the rows of a step (or all the steps of an input) and store it once. Every output element receives its terms
/// in a fixed order (bias, then active inputs j ascending; or the accumulator, then steps t ascending), each as
/// a multiply then an add (never fused), so the vector kernels, the scalar twins and a dense loop over all j in
/// ascending order (adding x·w = 0 for inactive inputs) give the same bits.
/// </remarks>
internal static class SpikeKernels
{
    private const int Width = 8;

    /// <summary>Row strides must be a multiple of this for the vector kernels (<see cref="PaddedStride"/>).</summary>
    public const int StrideMultiple = Width;

    /// <summary>The smallest stride ≥ n that the vector kernels accept.</summary>
    public static int PaddedStride(int n) => (n + StrideMultiple - 1) / StrideMultiple * StrideMultiple;

    /// <summary>
    /// dest_t[k] = b[k] + Σ_{j active at t} x_tj · rows[j, k] for every step t and k &lt; n; dest is [T, n].
    /// </summary>
    /// <param name="x">The input raster (step-major view).</param>
    /// <param name="rows">Wᵀ, [m, stride].</param>
    /// <param name="stride">Row stride of <paramref name="rows"/>.</param>
    /// <param name="bias">b [n], or empty for none.</param>
    /// <param name="dest">Receives the currents, [T, n].</param>
    /// <param name="n">Outputs per step.</param>
    public static void GatherRows(SpikeList x, ReadOnlySpan<float> rows, int stride, ReadOnlySpan<float> bias,
        Span<float> dest, int n)
    {
        CheckGather(x, rows, stride, bias, dest, n);
        if (Vector256.IsHardwareAccelerated && stride % Width == 0)
        {
            GatherRowsVector(x, rows, stride, bias, dest, n);
        }
        else
        {
            GatherRowsScalar(x, rows, stride, bias, dest, n);
        }
    }

    /// <summary>
    /// acc[j, k] += Σ_{t: j active at t} x_tj · g[t, k] for every input j and k &lt; n (input-major view of x;
    /// built here when missing).
    /// </summary>
    /// <param name="x">The input raster.</param>
    /// <param name="g">δ, [T, gStride].</param>
    /// <param name="gStride">Row stride of <paramref name="g"/> (≥ n).</param>
    /// <param name="acc">The transposed gradient accumulator, [m, stride].</param>
    /// <param name="stride">Row stride of <paramref name="acc"/> (≥ n).</param>
    /// <param name="n">Outputs per step.</param>
    public static void ScatterOuter(SpikeList x, ReadOnlySpan<float> g, int gStride, Span<float> acc, int stride,
        int n)
    {
        CheckScatter(x, g, gStride, acc, stride, n);
        x.IndexByInput();
        if (Vector256.IsHardwareAccelerated && stride % Width == 0 && gStride % Width == 0)
        {
            ScatterOuterVector(x, g, gStride, acc, stride, n);
        }
        else
        {
            ScatterOuterScalar(x, g, gStride, acc, stride, n);
        }
    }

    /// <summary>Scalar twin of <see cref="GatherRows"/> (same order of operations, same bits).</summary>
    internal static void GatherRowsScalar(SpikeList x, ReadOnlySpan<float> rows, int stride,
        ReadOnlySpan<float> bias, Span<float> dest, int n)
    {
        for (int t = 0; t < x.Steps; t++)
        {
            Span<float> d = dest.Slice(t * n, n);
            if (bias.IsEmpty)
            {
                d.Clear();
            }
            else
            {
                bias[..n].CopyTo(d);
            }

            ReadOnlySpan<int> active = x.Active(t);
            ReadOnlySpan<float> values = x.Values(t);
            for (int e = 0; e < active.Length; e++)
            {
                ReadOnlySpan<float> row = rows.Slice(active[e] * stride, n);
                float s = values[e];
                for (int k = 0; k < n; k++)
                {
                    d[k] += row[k] * s;
                }
            }
        }
    }

    /// <summary>Scalar twin of <see cref="ScatterOuter"/> (input-major view must be built).</summary>
    internal static void ScatterOuterScalar(SpikeList x, ReadOnlySpan<float> g, int gStride, Span<float> acc,
        int stride, int n)
    {
        for (int j = 0; j < x.Size; j++)
        {
            ReadOnlySpan<int> steps = x.StepsOf(j);
            ReadOnlySpan<float> values = x.ValuesOf(j);
            Span<float> a = acc.Slice(j * stride, n);
            for (int e = 0; e < steps.Length; e++)
            {
                ReadOnlySpan<float> gt = g.Slice(steps[e] * gStride, n);
                float s = values[e];
                for (int k = 0; k < n; k++)
                {
                    a[k] += gt[k] * s;
                }
            }
        }
    }

    private static void GatherRowsVector(SpikeList x, ReadOnlySpan<float> rows, int stride,
        ReadOnlySpan<float> bias, Span<float> dest, int n)
    {
        ref float w = ref MemoryMarshal.GetReference(rows);
        Span<float> tail = stackalloc float[Width];
        for (int t = 0; t < x.Steps; t++)
        {
            ReadOnlySpan<int> active = x.Active(t);
            ReadOnlySpan<float> values = x.Values(t);
            ref float d = ref MemoryMarshal.GetReference(dest.Slice(t * n, n));
            int c = 0;
            for (; c + 8 * Width <= n; c += 8 * Width)
            {
                if (x.Binary)
                {
                    GatherBlock8<Unit>(active, values, ref Unsafe.Add(ref w, c), stride, bias, c,
                        ref Unsafe.Add(ref d, c));
                }
                else
                {
                    GatherBlock8<ByValue>(active, values, ref Unsafe.Add(ref w, c), stride, bias, c,
                        ref Unsafe.Add(ref d, c));
                }
            }

            for (; c + Width <= n; c += Width)
            {
                var a = bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice(c, Width));
                a = GatherOne(active, values, ref Unsafe.Add(ref w, c), stride, a);
                a.StoreUnsafe(ref d, (nuint)c);
            }

            if (c < n)
            {
                // The last n − c outputs: the rows are padded to the stride, so a whole vector is read and only
                // the valid lanes are written back.
                tail.Clear();
                if (!bias.IsEmpty)
                {
                    bias[c..n].CopyTo(tail);
                }

                var a = GatherOne(active, values, ref Unsafe.Add(ref w, c), stride, Vector256.Create(tail));
                a.CopyTo(tail);
                tail[..(n - c)].CopyTo(dest.Slice(t * n + c, n - c));
            }
        }
    }

    private static Vector256<float> GatherOne(ReadOnlySpan<int> active, ReadOnlySpan<float> values, ref float w,
        int stride, Vector256<float> a)
    {
        for (int e = 0; e < active.Length; e++)
        {
            var s = Vector256.Create(values[e]);
            a += Vector256.LoadUnsafe(ref w, (nuint)(active[e] * stride)) * s;
        }

        return a;
    }

    private static void GatherBlock8<TScale>(ReadOnlySpan<int> active, ReadOnlySpan<float> values, ref float w,
        int stride, ReadOnlySpan<float> bias, int c, ref float d)
        where TScale : struct, IScale
    {
        Vector256<float> a0, a1, a2, a3, a4, a5, a6, a7;
        if (bias.IsEmpty)
        {
            a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = Vector256<float>.Zero;
        }
        else
        {
            ref float b = ref Unsafe.Add(ref MemoryMarshal.GetReference(bias), c);
            a0 = Vector256.LoadUnsafe(ref b, 0 * Width);
            a1 = Vector256.LoadUnsafe(ref b, 1 * Width);
            a2 = Vector256.LoadUnsafe(ref b, 2 * Width);
            a3 = Vector256.LoadUnsafe(ref b, 3 * Width);
            a4 = Vector256.LoadUnsafe(ref b, 4 * Width);
            a5 = Vector256.LoadUnsafe(ref b, 5 * Width);
            a6 = Vector256.LoadUnsafe(ref b, 6 * Width);
            a7 = Vector256.LoadUnsafe(ref b, 7 * Width);
        }

        for (int e = 0; e < active.Length; e++)
        {
            var s = Vector256.Create(values[e]);
            ref float r = ref Unsafe.Add(ref w, active[e] * stride);
            a0 += TScale.Term(Vector256.LoadUnsafe(ref r, 0 * Width), s);
            a1 += TScale.Term(Vector256.LoadUnsafe(ref r, 1 * Width), s);
            a2 += TScale.Term(Vector256.LoadUnsafe(ref r, 2 * Width), s);
            a3 += TScale.Term(Vector256.LoadUnsafe(ref r, 3 * Width), s);
            a4 += TScale.Term(Vector256.LoadUnsafe(ref r, 4 * Width), s);
            a5 += TScale.Term(Vector256.LoadUnsafe(ref r, 5 * Width), s);
            a6 += TScale.Term(Vector256.LoadUnsafe(ref r, 6 * Width), s);
            a7 += TScale.Term(Vector256.LoadUnsafe(ref r, 7 * Width), s);
        }

        a0.StoreUnsafe(ref d, 0 * Width);
        a1.StoreUnsafe(ref d, 1 * Width);
        a2.StoreUnsafe(ref d, 2 * Width);
        a3.StoreUnsafe(ref d, 3 * Width);
        a4.StoreUnsafe(ref d, 4 * Width);
        a5.StoreUnsafe(ref d, 5 * Width);
        a6.StoreUnsafe(ref d, 6 * Width);
        a7.StoreUnsafe(ref d, 7 * Width);
    }

    private static void ScatterOuterVector(SpikeList x, ReadOnlySpan<float> g, int gStride, Span<float> acc,
        int stride, int n)
    {
        ref float gr = ref MemoryMarshal.GetReference(g);
        ref float ar = ref MemoryMarshal.GetReference(acc);
        for (int j = 0; j < x.Size; j++)
        {
            ReadOnlySpan<int> steps = x.StepsOf(j);
            if (steps.IsEmpty)
            {
                continue;
            }

            ReadOnlySpan<float> values = x.ValuesOf(j);
            ref float a = ref Unsafe.Add(ref ar, j * stride);
            int c = 0;
            for (; c + 8 * Width <= n; c += 8 * Width)
            {
                if (x.Binary)
                {
                    ScatterBlock8<Unit>(steps, values, ref Unsafe.Add(ref gr, c), gStride, ref Unsafe.Add(ref a, c));
                }
                else
                {
                    ScatterBlock8<ByValue>(steps, values, ref Unsafe.Add(ref gr, c), gStride, ref Unsafe.Add(ref a, c));
                }
            }

            // Whole vectors up to the padded width: lanes n..stride of the accumulator are padding, never read back.
            for (; c < n; c += Width)
            {
                var v = Vector256.LoadUnsafe(ref a, (nuint)c);
                for (int e = 0; e < steps.Length; e++)
                {
                    v += Vector256.LoadUnsafe(ref gr, (nuint)(steps[e] * gStride + c)) * Vector256.Create(values[e]);
                }

                v.StoreUnsafe(ref a, (nuint)c);
            }
        }
    }

    private static void ScatterBlock8<TScale>(ReadOnlySpan<int> steps, ReadOnlySpan<float> values, ref float g,
        int gStride, ref float a)
        where TScale : struct, IScale
    {
        var a0 = Vector256.LoadUnsafe(ref a, 0 * Width);
        var a1 = Vector256.LoadUnsafe(ref a, 1 * Width);
        var a2 = Vector256.LoadUnsafe(ref a, 2 * Width);
        var a3 = Vector256.LoadUnsafe(ref a, 3 * Width);
        var a4 = Vector256.LoadUnsafe(ref a, 4 * Width);
        var a5 = Vector256.LoadUnsafe(ref a, 5 * Width);
        var a6 = Vector256.LoadUnsafe(ref a, 6 * Width);
        var a7 = Vector256.LoadUnsafe(ref a, 7 * Width);
        for (int e = 0; e < steps.Length; e++)
        {
            var s = Vector256.Create(values[e]);
            ref float r = ref Unsafe.Add(ref g, steps[e] * gStride);
            a0 += TScale.Term(Vector256.LoadUnsafe(ref r, 0 * Width), s);
            a1 += TScale.Term(Vector256.LoadUnsafe(ref r, 1 * Width), s);
            a2 += TScale.Term(Vector256.LoadUnsafe(ref r, 2 * Width), s);
            a3 += TScale.Term(Vector256.LoadUnsafe(ref r, 3 * Width), s);
            a4 += TScale.Term(Vector256.LoadUnsafe(ref r, 4 * Width), s);
            a5 += TScale.Term(Vector256.LoadUnsafe(ref r, 5 * Width), s);
            a6 += TScale.Term(Vector256.LoadUnsafe(ref r, 6 * Width), s);
            a7 += TScale.Term(Vector256.LoadUnsafe(ref r, 7 * Width), s);
        }

        a0.StoreUnsafe(ref a, 0 * Width);
        a1.StoreUnsafe(ref a, 1 * Width);
        a2.StoreUnsafe(ref a, 2 * Width);
        a3.StoreUnsafe(ref a, 3 * Width);
        a4.StoreUnsafe(ref a, 4 * Width);
        a5.StoreUnsafe(ref a, 5 * Width);
        a6.StoreUnsafe(ref a, 6 * Width);
        a7.StoreUnsafe(ref a, 7 * Width);
    }

    // The term x · row of one active entry. For a binary raster (every value 1) the multiply is skipped: 1 · r is r
    // exactly, so both give the same bits; the JIT compiles one copy of each block kernel per struct.
    private interface IScale
    {
        static abstract Vector256<float> Term(Vector256<float> row, Vector256<float> value);
    }

    private readonly struct Unit : IScale
    {
        public static Vector256<float> Term(Vector256<float> row, Vector256<float> value) => row;
    }

    private readonly struct ByValue : IScale
    {
        public static Vector256<float> Term(Vector256<float> row, Vector256<float> value) => row * value;
    }

    private static void CheckGather(SpikeList x, ReadOnlySpan<float> rows, int stride, ReadOnlySpan<float> bias,
        Span<float> dest, int n)
    {
        if (stride < n || rows.Length < x.Size * stride || dest.Length < x.Steps * n
            || (!bias.IsEmpty && bias.Length < n))
        {
            throw new ArgumentException($"GatherRows: rows [{x.Size}, {stride}], bias [{n}] or none and dest " +
                $"[{x.Steps}, {n}] expected (got {rows.Length}, {bias.Length}, {dest.Length} values)");
        }
    }

    private static void CheckScatter(SpikeList x, ReadOnlySpan<float> g, int gStride, Span<float> acc, int stride,
        int n)
    {
        if (stride < n || gStride < n || g.Length < x.Steps * gStride || acc.Length < x.Size * stride)
        {
            throw new ArgumentException($"ScatterOuter: g [{x.Steps}, {gStride}] and acc [{x.Size}, {stride}] " +
                $"with strides ≥ {n} expected (got {g.Length} and {acc.Length} values)");
        }
    }
}
