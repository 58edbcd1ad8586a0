using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// The elementwise steps of <see cref="SpikingLayer"/>'s forward and backward passes over one step's n neurons.
/// </summary>
/// <remarks>
/// Each kernel runs 8-lane vectors and finishes with a scalar tail that performs the same operations in the same
/// order (multiplies and adds separately, never fused), so the result does not depend on n or on the vector
/// width. The formulas are those of <see cref="SpikingLayer"/>'s doc comment.
/// </remarks>
internal static class SpikingStepKernels
{
    private const int Width = 8;

    /// <summary>Leak and reset by subtraction: cur[k] += (β · v_prev[k]) − (θ[k] · y_prev[k]).</summary>
    public static void LeakSubtract(ReadOnlySpan<float> prevV, ReadOnlySpan<float> prevY, ReadOnlySpan<float> theta,
        float beta, Span<float> cur)
    {
        int n = Check(cur.Length, prevV.Length, prevY.Length, theta.Length), k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float c = ref MemoryMarshal.GetReference(cur);
            ref float pv = ref MemoryMarshal.GetReference(prevV);
            ref float py = ref MemoryMarshal.GetReference(prevY);
            ref float th = ref MemoryMarshal.GetReference(theta);
            var b = Vector256.Create(beta);
            for (; k <= n - Width; k += Width)
            {
                var term = b * Vector256.LoadUnsafe(ref pv, (nuint)k)
                    - Vector256.LoadUnsafe(ref th, (nuint)k) * Vector256.LoadUnsafe(ref py, (nuint)k);
                (Vector256.LoadUnsafe(ref c, (nuint)k) + term).StoreUnsafe(ref c, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            cur[k] += beta * prevV[k] - theta[k] * prevY[k];
        }
    }

    /// <summary>Leak and reset to zero: cur[k] += (β · v_prev[k]) · (1 − y_prev[k]).</summary>
    public static void LeakZero(ReadOnlySpan<float> prevV, ReadOnlySpan<float> prevY, float beta, Span<float> cur)
    {
        int n = Check(cur.Length, prevV.Length, prevY.Length, prevY.Length), k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float c = ref MemoryMarshal.GetReference(cur);
            ref float pv = ref MemoryMarshal.GetReference(prevV);
            ref float py = ref MemoryMarshal.GetReference(prevY);
            var b = Vector256.Create(beta);
            for (; k <= n - Width; k += Width)
            {
                var term = b * Vector256.LoadUnsafe(ref pv, (nuint)k)
                    * (Vector256<float>.One - Vector256.LoadUnsafe(ref py, (nuint)k));
                (Vector256.LoadUnsafe(ref c, (nuint)k) + term).StoreUnsafe(ref c, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            cur[k] += beta * prevV[k] * (1f - prevY[k]);
        }
    }

    /// <summary>Hard threshold: y[k] = 1 when v[k] − θ[k] &gt; 0, else 0 (NaN gives 0).</summary>
    public static void Heaviside(ReadOnlySpan<float> v, ReadOnlySpan<float> theta, Span<float> y)
    {
        int n = Check(y.Length, v.Length, theta.Length, theta.Length), k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float vr = ref MemoryMarshal.GetReference(v);
            ref float th = ref MemoryMarshal.GetReference(theta);
            ref float yr = ref MemoryMarshal.GetReference(y);
            for (; k <= n - Width; k += Width)
            {
                var d = Vector256.LoadUnsafe(ref vr, (nuint)k) - Vector256.LoadUnsafe(ref th, (nuint)k);
                (Vector256.GreaterThan(d, Vector256<float>.Zero) & Vector256<float>.One).StoreUnsafe(ref yr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            y[k] = v[k] - theta[k] > 0f ? 1f : 0f;
        }
    }

    /// <summary>Reset path of the output gradient, subtract reset: gy[k] −= θ[k] · next[k].</summary>
    public static void SubtractResetPath(ReadOnlySpan<float> theta, ReadOnlySpan<float> next, Span<float> gy)
    {
        int n = Check(gy.Length, theta.Length, next.Length, next.Length), k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float g = ref MemoryMarshal.GetReference(gy);
            ref float th = ref MemoryMarshal.GetReference(theta);
            ref float nx = ref MemoryMarshal.GetReference(next);
            for (; k <= n - Width; k += Width)
            {
                var term = Vector256.LoadUnsafe(ref th, (nuint)k) * Vector256.LoadUnsafe(ref nx, (nuint)k);
                (Vector256.LoadUnsafe(ref g, (nuint)k) - term).StoreUnsafe(ref g, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            gy[k] -= theta[k] * next[k];
        }
    }

    /// <summary>Reset path of the output gradient, reset to zero: gy[k] −= (β · v[k]) · next[k].</summary>
    public static void ZeroResetPath(ReadOnlySpan<float> v, float beta, ReadOnlySpan<float> next, Span<float> gy)
    {
        int n = Check(gy.Length, v.Length, next.Length, next.Length), k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float g = ref MemoryMarshal.GetReference(gy);
            ref float vr = ref MemoryMarshal.GetReference(v);
            ref float nx = ref MemoryMarshal.GetReference(next);
            var b = Vector256.Create(beta);
            for (; k <= n - Width; k += Width)
            {
                var term = b * Vector256.LoadUnsafe(ref vr, (nuint)k) * Vector256.LoadUnsafe(ref nx, (nuint)k);
                (Vector256.LoadUnsafe(ref g, (nuint)k) - term).StoreUnsafe(ref g, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            gy[k] -= beta * v[k] * next[k];
        }
    }

    /// <summary>
    /// dL/d(state_t)[k] = gy[k] · σ'[k] (+ gv[k] when given) (+ the leak path from step t+1 when
    /// <paramref name="next"/> is given: β · next[k] for a subtract reset, (β · (1 − y[k])) · next[k] for a reset
    /// to zero), set to 0 where <paramref name="reluMask"/> and v[k] is not &gt; 0.
    /// </summary>
    public static void StateGradient(ReadOnlySpan<float> gy, ReadOnlySpan<float> sg, ReadOnlySpan<float> gv,
        ReadOnlySpan<float> next, ReadOnlySpan<float> y, ReadOnlySpan<float> v, float beta, bool subtract,
        bool reluMask, Span<float> gi)
    {
        int n = Check(gi.Length, gy.Length, sg.Length, v.Length), k = 0;
        bool hasGv = !gv.IsEmpty, carry = !next.IsEmpty;
        if ((hasGv && gv.Length < n) || (carry && (next.Length < n || y.Length < n)))
        {
            throw new ArgumentException("gv, next and y must hold n values when given");
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref float gyr = ref MemoryMarshal.GetReference(gy);
            ref float sgr = ref MemoryMarshal.GetReference(sg);
            ref float gvr = ref MemoryMarshal.GetReference(gv);
            ref float nx = ref MemoryMarshal.GetReference(next);
            ref float yr = ref MemoryMarshal.GetReference(y);
            ref float vr = ref MemoryMarshal.GetReference(v);
            ref float gr = ref MemoryMarshal.GetReference(gi);
            var b = Vector256.Create(beta);
            for (; k <= n - Width; k += Width)
            {
                var g = Vector256.LoadUnsafe(ref gyr, (nuint)k) * Vector256.LoadUnsafe(ref sgr, (nuint)k);
                if (hasGv)
                {
                    g += Vector256.LoadUnsafe(ref gvr, (nuint)k);
                }

                if (carry)
                {
                    var nk = Vector256.LoadUnsafe(ref nx, (nuint)k);
                    g += subtract ? b * nk : b * (Vector256<float>.One - Vector256.LoadUnsafe(ref yr, (nuint)k)) * nk;
                }

                if (reluMask)
                {
                    g &= Vector256.GreaterThan(Vector256.LoadUnsafe(ref vr, (nuint)k), Vector256<float>.Zero);
                }

                g.StoreUnsafe(ref gr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            float g = gy[k] * sg[k];
            if (hasGv)
            {
                g += gv[k];
            }

            if (carry)
            {
                g += subtract ? beta * next[k] : beta * (1f - y[k]) * next[k];
            }

            gi[k] = reluMask && !(v[k] > 0f) ? 0f : g;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Check(int n, int a, int b, int c)
    {
        if (a < n || b < n || c < n)
        {
            throw new ArgumentException($"every input must hold at least {n} values (got {a}, {b}, {c})");
        }

        return n;
    }
}
