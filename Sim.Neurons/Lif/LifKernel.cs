using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroSim.Core.Engine;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// The LIF step kernel over one block of neurons: add due input, propagate, threshold, reset, in one pass.
/// Three paths compute the same float expression in the same order (no fused multiply-add in any of them),
/// so they agree bit for bit: 512-bit vectors, 256-bit vectors, and the plain scalar twin for the tail.
/// </summary>
internal static class LifKernel
{
    /// <summary>Spans of one block of neurons' state, plus the constants of the step.</summary>
    internal readonly ref struct Block(
        Span<float> v, Span<float> ge, Span<float> gi, Span<int> refractoryLeft, Span<float> vInf,
        Span<float> inE, Span<float> inI)
    {
        public readonly Span<float> V = v;
        public readonly Span<float> Ge = ge;
        public readonly Span<float> Gi = gi;
        public readonly Span<int> RefractoryLeft = refractoryLeft;
        public readonly Span<float> VInf = vInf;
        public readonly Span<float> InE = inE;
        public readonly Span<float> InI = inI;
    }

    /// <summary>The per-run constants, in float as the state is.</summary>
    internal readonly record struct Factors(
        float Pm, float Pe, float Pi, float Ke, float Ki, float Threshold, float Reset, int HeldSteps)
    {
        public static Factors From(LifParameters p, LifPropagator f) => new(
            (float)f.Pm, (float)f.Pe, (float)f.Pi, (float)f.Ke, (float)f.Ki,
            (float)p.Threshold, (float)p.Reset, Math.Max(f.RefractorySteps - 1, 0));
    }

    /// <summary>Advances the block by one step; spiking neurons go to <paramref name="spikes"/> with
    /// <paramref name="offset"/> added to their block index.</summary>
    public static void Step(in Factors f, in Block b, int offset, SpikeBuffer spikes, bool allowVectors = true)
    {
        int i = 0;
        if (allowVectors && Vector512.IsHardwareAccelerated)
        {
            i = Step512(f, b, offset, spikes);
        }
        else if (allowVectors && Vector256.IsHardwareAccelerated)
        {
            i = Step256(f, b, offset, spikes);
        }

        StepScalar(f, b, i, offset, spikes);
    }

    /// <summary>The scalar twin, from block index <paramref name="from"/> to the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void StepScalar(in Factors f, in Block b, int from, int offset, SpikeBuffer spikes)
    {
        bool hasInput = !b.InE.IsEmpty;
        for (int i = from; i < b.V.Length; i++)
        {
            float ge = b.Ge[i];
            float gi = b.Gi[i];
            if (hasInput)
            {
                ge += b.InE[i];
                gi += b.InI[i];
                b.InE[i] = 0;
                b.InI[i] = 0;
            }

            float vInf = b.VInf[i];
            float v = vInf + (b.V[i] - vInf) * f.Pm + ge * f.Ke + gi * f.Ki;
            b.Ge[i] = ge * f.Pe;
            b.Gi[i] = gi * f.Pi;
            int left = b.RefractoryLeft[i];
            if (left > 0)
            {
                b.RefractoryLeft[i] = left - 1;
                v = b.V[i];
            }

            b.V[i] = v;
            if (v >= f.Threshold)
            {
                Fire(f, b, i, offset, spikes);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Step512(in Factors f, in Block b, int offset, SpikeBuffer spikes)
    {
        bool hasInput = !b.InE.IsEmpty;
        int n = b.V.Length - b.V.Length % Vector512<float>.Count;
        ref float v0 = ref MemoryMarshal.GetReference(b.V);
        ref float ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref float gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref float vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int left0 = ref MemoryMarshal.GetReference(b.RefractoryLeft);
        ref float inE0 = ref MemoryMarshal.GetReference(b.InE);
        ref float inI0 = ref MemoryMarshal.GetReference(b.InI);
        var pm = Vector512.Create(f.Pm);
        var pe = Vector512.Create(f.Pe);
        var pi = Vector512.Create(f.Pi);
        var ke = Vector512.Create(f.Ke);
        var ki = Vector512.Create(f.Ki);
        var vt = Vector512.Create(f.Threshold);
        for (int i = 0; i < n; i += Vector512<float>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector512.LoadUnsafe(ref ge0, u);
            var gi = Vector512.LoadUnsafe(ref gi0, u);
            if (hasInput)
            {
                ge += Vector512.LoadUnsafe(ref inE0, u);
                gi += Vector512.LoadUnsafe(ref inI0, u);
                Vector512<float>.Zero.StoreUnsafe(ref inE0, u);
                Vector512<float>.Zero.StoreUnsafe(ref inI0, u);
            }

            var vInf = Vector512.LoadUnsafe(ref vInf0, u);
            var vOld = Vector512.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            var left = Vector512.LoadUnsafe(ref left0, u);
            var held = Vector512.GreaterThan(left, Vector512<int>.Zero);
            Vector512.Max(left - Vector512<int>.One, Vector512<int>.Zero).StoreUnsafe(ref left0, u);
            v = Vector512.ConditionalSelect(held.AsSingle(), vOld, v);
            v.StoreUnsafe(ref v0, u);

            ulong bits = Vector512.GreaterThanOrEqual(v, vt).ExtractMostSignificantBits();
            while (bits != 0)
            {
                Fire(f, b, i + BitOperations.TrailingZeroCount(bits), offset, spikes);
                bits &= bits - 1;
            }
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Step256(in Factors f, in Block b, int offset, SpikeBuffer spikes)
    {
        bool hasInput = !b.InE.IsEmpty;
        int n = b.V.Length - b.V.Length % Vector256<float>.Count;
        ref float v0 = ref MemoryMarshal.GetReference(b.V);
        ref float ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref float gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref float vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int left0 = ref MemoryMarshal.GetReference(b.RefractoryLeft);
        ref float inE0 = ref MemoryMarshal.GetReference(b.InE);
        ref float inI0 = ref MemoryMarshal.GetReference(b.InI);
        var pm = Vector256.Create(f.Pm);
        var pe = Vector256.Create(f.Pe);
        var pi = Vector256.Create(f.Pi);
        var ke = Vector256.Create(f.Ke);
        var ki = Vector256.Create(f.Ki);
        var vt = Vector256.Create(f.Threshold);
        for (int i = 0; i < n; i += Vector256<float>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector256.LoadUnsafe(ref ge0, u);
            var gi = Vector256.LoadUnsafe(ref gi0, u);
            if (hasInput)
            {
                ge += Vector256.LoadUnsafe(ref inE0, u);
                gi += Vector256.LoadUnsafe(ref inI0, u);
                Vector256<float>.Zero.StoreUnsafe(ref inE0, u);
                Vector256<float>.Zero.StoreUnsafe(ref inI0, u);
            }

            var vInf = Vector256.LoadUnsafe(ref vInf0, u);
            var vOld = Vector256.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            var left = Vector256.LoadUnsafe(ref left0, u);
            var held = Vector256.GreaterThan(left, Vector256<int>.Zero);
            Vector256.Max(left - Vector256<int>.One, Vector256<int>.Zero).StoreUnsafe(ref left0, u);
            v = Vector256.ConditionalSelect(held.AsSingle(), vOld, v);
            v.StoreUnsafe(ref v0, u);

            uint bits = Vector256.GreaterThanOrEqual(v, vt).ExtractMostSignificantBits();
            while (bits != 0)
            {
                Fire(f, b, i + BitOperations.TrailingZeroCount(bits), offset, spikes);
                bits &= bits - 1;
            }
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(in Factors f, in Block b, int i, int offset, SpikeBuffer spikes)
    {
        spikes.Add(offset + i);
        b.V[i] = f.Reset;
        b.RefractoryLeft[i] = f.HeldSteps;
    }
}
