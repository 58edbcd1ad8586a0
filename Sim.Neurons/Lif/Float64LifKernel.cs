using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// The LIF step kernel in float64 (<see cref="Float64LifPopulation"/>): add the due jump sums to g_e and g_i
/// (zeroing them), propagate, threshold, reset, in one pass over a block. The step is
/// <see cref="LifKernel"/>'s (same conventions, same expression in the same order, no fused multiply-add), in
/// double, with the factors the event engine's grid propagator tabulates for one step, so one step here and one
/// step there are the same double expression.
/// </summary>
internal static class Float64LifKernel
{
    /// <summary>Spans of one block of neurons' state; <c>VInf</c> empty when every neuron shares
    /// <see cref="Factors.VInf"/>; <c>JumpE</c>, <c>JumpI</c> the jump sums due now (both empty or both full).
    /// </summary>
    internal readonly ref struct Block(
        Span<double> v, Span<double> ge, Span<double> gi, Span<int> integratesFrom, Span<double> vInf,
        Span<double> jumpE = default, Span<double> jumpI = default)
    {
        public readonly Span<double> V = v;
        public readonly Span<double> Ge = ge;
        public readonly Span<double> Gi = gi;
        public readonly Span<int> IntegratesFrom = integratesFrom;
        public readonly Span<double> VInf = vInf;
        public readonly Span<double> JumpE = jumpE;
        public readonly Span<double> JumpI = jumpI;
    }

    /// <summary>The per-run constants. V_t, V_r and V_inf are the float32 values the float32 kernel uses (and the
    /// event engine reads), widened; P and K are computed in double.</summary>
    internal readonly record struct Factors(
        double Pm, double Pe, double Pi, double Ke, double Ki, double Threshold, double Reset, int RefractorySteps,
        double VInf)
    {
        /// <summary>P_m = exp(−dt/τ_m), P_s = exp(−dt/τ_s) and K_s = <see cref="LifClosedForm.PspKernel"/>(dt):
        /// the functions <see cref="GridPropagator"/> evaluates at one step.</summary>
        public static Factors From(LifParameters p, int refractorySteps, double dt, float vInf) => new(
            Math.Exp(-dt / p.TauM), Math.Exp(-dt / p.TauExc), Math.Exp(-dt / p.TauInh),
            LifClosedForm.PspKernel(dt, p.TauM, p.TauExc), LifClosedForm.PspKernel(dt, p.TauM, p.TauInh),
            (float)p.Threshold, (float)p.Reset, Math.Max(refractorySteps, 1), vInf);
    }

    /// <summary>Advances the block over step <paramref name="step"/>; spiking neurons go to
    /// <paramref name="spikes"/> with <paramref name="offset"/> added to their block index. 512-bit or 256-bit
    /// vectors of doubles where the hardware has them, the scalar twin for the tail (or everything when
    /// <paramref name="allowVectors"/> is false); all compute the same expression, so they agree bit for bit.
    /// </summary>
    public static void Step(
        in Factors f, in Block b, int step, int offset, SpikeBuffer spikes, bool allowVectors = true)
    {
        int i = 0;
        if (allowVectors && Vector512.IsHardwareAccelerated)
        {
            i = (b.JumpE.IsEmpty, b.VInf.IsEmpty) switch
            {
                (true, true) => Step512<No, No>(f, b, step, offset, spikes),
                (true, false) => Step512<No, Yes>(f, b, step, offset, spikes),
                (false, true) => Step512<Yes, No>(f, b, step, offset, spikes),
                (false, false) => Step512<Yes, Yes>(f, b, step, offset, spikes),
            };
        }
        else if (allowVectors && Vector256.IsHardwareAccelerated)
        {
            i = (b.JumpE.IsEmpty, b.VInf.IsEmpty) switch
            {
                (true, true) => Step256<No, No>(f, b, step, offset, spikes),
                (true, false) => Step256<No, Yes>(f, b, step, offset, spikes),
                (false, true) => Step256<Yes, No>(f, b, step, offset, spikes),
                (false, false) => Step256<Yes, Yes>(f, b, step, offset, spikes),
            };
        }

        StepScalar(f, b, step, i, offset, spikes);
    }

    /// <summary>The scalar twin, from block index <paramref name="from"/> to the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void StepScalar(in Factors f, in Block b, int step, int from, int offset, SpikeBuffer spikes)
    {
        bool perNeuronDrive = !b.VInf.IsEmpty;
        bool due = !b.JumpE.IsEmpty;
        for (int i = from; i < b.V.Length; i++)
        {
            double ge = b.Ge[i];
            double gi = b.Gi[i];
            if (due)
            {
                ge += b.JumpE[i];
                gi += b.JumpI[i];
                b.JumpE[i] = 0;
                b.JumpI[i] = 0;
            }

            double vInf = perNeuronDrive ? b.VInf[i] : f.VInf;
            double v = vInf + (b.V[i] - vInf) * f.Pm + ge * f.Ke + gi * f.Ki;
            b.Ge[i] = ge * f.Pe;
            b.Gi[i] = gi * f.Pi;
            if (step < b.IntegratesFrom[i])
            {
                v = b.V[i];
            }

            b.V[i] = v;
            if (v >= f.Threshold)
            {
                Fire(f, b, i, step, offset, spikes);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Step512<TDue, TPerNeuronDrive>(
        in Factors f, in Block b, int step, int offset, SpikeBuffer spikes)
        where TDue : struct, IFlag
        where TPerNeuronDrive : struct, IFlag
    {
        // Eight doubles a vector; the refractory counters are ints, so eight of them are widened to longs.
        int n = b.V.Length - b.V.Length % Vector512<double>.Count;
        ref double v0 = ref MemoryMarshal.GetReference(b.V);
        ref double ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref double gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref double vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int from0 = ref MemoryMarshal.GetReference(b.IntegratesFrom);
        ref double jumpE0 = ref MemoryMarshal.GetReference(b.JumpE);
        ref double jumpI0 = ref MemoryMarshal.GetReference(b.JumpI);
        var pm = Vector512.Create(f.Pm);
        var pe = Vector512.Create(f.Pe);
        var pi = Vector512.Create(f.Pi);
        var ke = Vector512.Create(f.Ke);
        var ki = Vector512.Create(f.Ki);
        var vt = Vector512.Create(f.Threshold);
        var now = Vector512.Create((long)step);
        var sharedVInf = Vector512.Create(f.VInf);
        for (int i = 0; i < n; i += Vector512<double>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector512.LoadUnsafe(ref ge0, u);
            var gi = Vector512.LoadUnsafe(ref gi0, u);
            if (TDue.On)
            {
                ge += Vector512.LoadUnsafe(ref jumpE0, u);
                gi += Vector512.LoadUnsafe(ref jumpI0, u);
                Vector512<double>.Zero.StoreUnsafe(ref jumpE0, u);
                Vector512<double>.Zero.StoreUnsafe(ref jumpI0, u);
            }

            var vInf = TPerNeuronDrive.On ? Vector512.LoadUnsafe(ref vInf0, u) : sharedVInf;
            var vOld = Vector512.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            var from = Vector512.WidenLower(Vector256.LoadUnsafe(ref from0, u).ToVector512());
            var held = Vector512.LessThan(now, from);
            v = Vector512.ConditionalSelect(held.AsDouble(), vOld, v);
            v.StoreUnsafe(ref v0, u);

            ulong bits = Vector512.GreaterThanOrEqual(v, vt).ExtractMostSignificantBits();
            while (bits != 0)
            {
                Fire(f, b, i + BitOperations.TrailingZeroCount(bits), step, offset, spikes);
                bits &= bits - 1;
            }
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Step256<TDue, TPerNeuronDrive>(
        in Factors f, in Block b, int step, int offset, SpikeBuffer spikes)
        where TDue : struct, IFlag
        where TPerNeuronDrive : struct, IFlag
    {
        int n = b.V.Length - b.V.Length % Vector256<double>.Count;
        ref double v0 = ref MemoryMarshal.GetReference(b.V);
        ref double ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref double gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref double vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int from0 = ref MemoryMarshal.GetReference(b.IntegratesFrom);
        ref double jumpE0 = ref MemoryMarshal.GetReference(b.JumpE);
        ref double jumpI0 = ref MemoryMarshal.GetReference(b.JumpI);
        var pm = Vector256.Create(f.Pm);
        var pe = Vector256.Create(f.Pe);
        var pi = Vector256.Create(f.Pi);
        var ke = Vector256.Create(f.Ke);
        var ki = Vector256.Create(f.Ki);
        var vt = Vector256.Create(f.Threshold);
        var now = Vector256.Create((long)step);
        var sharedVInf = Vector256.Create(f.VInf);
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector256.LoadUnsafe(ref ge0, u);
            var gi = Vector256.LoadUnsafe(ref gi0, u);
            if (TDue.On)
            {
                ge += Vector256.LoadUnsafe(ref jumpE0, u);
                gi += Vector256.LoadUnsafe(ref jumpI0, u);
                Vector256<double>.Zero.StoreUnsafe(ref jumpE0, u);
                Vector256<double>.Zero.StoreUnsafe(ref jumpI0, u);
            }

            var vInf = TPerNeuronDrive.On ? Vector256.LoadUnsafe(ref vInf0, u) : sharedVInf;
            var vOld = Vector256.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            var from = Vector256.WidenLower(Vector128.LoadUnsafe(ref from0, u).ToVector256());
            var held = Vector256.LessThan(now, from);
            v = Vector256.ConditionalSelect(held.AsDouble(), vOld, v);
            v.StoreUnsafe(ref v0, u);

            uint bits = Vector256.GreaterThanOrEqual(v, vt).ExtractMostSignificantBits();
            while (bits != 0)
            {
                Fire(f, b, i + BitOperations.TrailingZeroCount(bits), step, offset, spikes);
                bits &= bits - 1;
            }
        }

        return n;
    }

    /// <summary>Records the spike, resets V and holds it for the k − 1 steps after this one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(in Factors f, in Block b, int i, int step, int offset, SpikeBuffer spikes)
    {
        spikes.Add(offset + i);
        b.V[i] = f.Reset;
        b.IntegratesFrom[i] = step + f.RefractorySteps;
    }

    // Compile-time switches, as in LifKernel: one compiled loop per combination, no test inside it.
    private interface IFlag
    {
        static abstract bool On { get; }
    }

    private struct Yes : IFlag
    {
        public static bool On => true;
    }

    private struct No : IFlag
    {
        public static bool On => false;
    }
}
