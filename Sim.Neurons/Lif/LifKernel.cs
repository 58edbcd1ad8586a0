using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// The LIF step kernel over one block of neurons, in float32 (<see cref="LifPopulation"/>) or float64
/// (<see cref="Float64LifPopulation"/>): add the due synaptic jumps to g_e and g_i (zeroing them), propagate,
/// threshold, reset, in one pass. Three paths compute the same expression in the same order (no fused
/// multiply-add in any of them), so they agree bit for bit: 512-bit vectors, 256-bit vectors, and the plain scalar
/// twin that also does the tail.
/// </summary>
/// <typeparam name="T">The state's element type, <see cref="float"/> or <see cref="double"/>. The JIT compiles
/// one specialised copy per type, so the float32 kernel is the same machine code as a float-only one.</typeparam>
/// <remarks>
/// Refractoriness is an integer per neuron, the first step at which it integrates again (spike step + k), so a
/// step only reads it; it is written when the neuron fires. Steps are counted in int here, which bounds a run
/// to 2^31 − 1 steps (about 60 hours of biological time at dt = 0.1 ms); the engine checks this. A vector of
/// doubles holds half as many lanes as one of ints, so the float64 paths widen half a vector of counters to longs
/// before the compare; the float32 paths compare them as they are.
/// </remarks>
internal static class LifKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Spans of one block of neurons' state. <c>VInf</c> is empty when every neuron shares
    /// <see cref="Factors.VInf"/> (no per-neuron current), which saves a stream through memory. <c>JumpE</c> and
    /// <c>JumpI</c> are the jumps due this step (consumed: read, then zeroed), both empty or both full length.
    /// </summary>
    internal readonly ref struct Block(
        Span<T> v, Span<T> ge, Span<T> gi, Span<int> integratesFrom, Span<T> vInf,
        Span<T> jumpE = default, Span<T> jumpI = default)
    {
        public readonly Span<T> V = v;
        public readonly Span<T> Ge = ge;
        public readonly Span<T> Gi = gi;
        public readonly Span<int> IntegratesFrom = integratesFrom;
        public readonly Span<T> VInf = vInf;
        public readonly Span<T> JumpE = jumpE;
        public readonly Span<T> JumpI = jumpI;
    }

    /// <summary>The per-run constants, in the state's precision. V_t, V_r and V_inf are float32 values in both
    /// precisions (widened for float64, as the event engine reads them).</summary>
    internal readonly record struct Factors(
        T Pm, T Pe, T Pi, T Ke, T Ki, T Threshold, T Reset, int RefractorySteps, T VInf)
    {
        /// <summary>The factors of <paramref name="f"/> (the float32 kernel's: <see cref="LifPropagator"/>'s
        /// double values, rounded to <typeparamref name="T"/>).</summary>
        public static Factors From(LifParameters p, LifPropagator f, float vInf) => new(
            T.CreateTruncating(f.Pm), T.CreateTruncating(f.Pe), T.CreateTruncating(f.Pi),
            T.CreateTruncating(f.Ke), T.CreateTruncating(f.Ki), Widen((float)p.Threshold), Widen((float)p.Reset),
            Math.Max(f.RefractorySteps, 1), Widen(vInf));

        /// <summary>The float64 kernel's factors: P_m = exp(−dt/τ_m), P_s = exp(−dt/τ_s) and
        /// K_s = <see cref="LifClosedForm.PspKernel"/>(dt), the functions <see cref="GridPropagator"/> evaluates
        /// at one step, so one step here and one step of the event engine's grid are the same double expression.
        /// </summary>
        public static Factors FromGrid(LifParameters p, int refractorySteps, double dt, float vInf) => new(
            T.CreateTruncating(Math.Exp(-dt / p.TauM)), T.CreateTruncating(Math.Exp(-dt / p.TauExc)),
            T.CreateTruncating(Math.Exp(-dt / p.TauInh)),
            T.CreateTruncating(LifClosedForm.PspKernel(dt, p.TauM, p.TauExc)),
            T.CreateTruncating(LifClosedForm.PspKernel(dt, p.TauM, p.TauInh)),
            Widen((float)p.Threshold), Widen((float)p.Reset), Math.Max(refractorySteps, 1), Widen(vInf));

        private static T Widen(float x) => T.CreateTruncating(x);
    }

    /// <summary>Advances the block over step <paramref name="step"/>; spiking neurons go to
    /// <paramref name="spikes"/> with <paramref name="offset"/> added to their block index. 512-bit or 256-bit
    /// vectors where the hardware has them, the scalar twin for the tail (or everything when
    /// <paramref name="allowVectors"/> is false).</summary>
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
            T ge = b.Ge[i];
            T gi = b.Gi[i];
            if (due)
            {
                ge += b.JumpE[i];
                gi += b.JumpI[i];
                b.JumpE[i] = T.Zero;
                b.JumpI[i] = T.Zero;
            }

            T vInf = perNeuronDrive ? b.VInf[i] : f.VInf;
            T v = vInf + (b.V[i] - vInf) * f.Pm + ge * f.Ke + gi * f.Ki;
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
        int n = b.V.Length - b.V.Length % Vector512<T>.Count;
        ref T v0 = ref MemoryMarshal.GetReference(b.V);
        ref T ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref T gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref T vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int from0 = ref MemoryMarshal.GetReference(b.IntegratesFrom);
        ref T jumpE0 = ref MemoryMarshal.GetReference(b.JumpE);
        ref T jumpI0 = ref MemoryMarshal.GetReference(b.JumpI);
        var pm = Vector512.Create(f.Pm);
        var pe = Vector512.Create(f.Pe);
        var pi = Vector512.Create(f.Pi);
        var ke = Vector512.Create(f.Ke);
        var ki = Vector512.Create(f.Ki);
        var vt = Vector512.Create(f.Threshold);
        var now = Vector512.Create(step);
        var nowLong = Vector512.Create((long)step);
        var sharedVInf = Vector512.Create(f.VInf);
        for (int i = 0; i < n; i += Vector512<T>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector512.LoadUnsafe(ref ge0, u);
            var gi = Vector512.LoadUnsafe(ref gi0, u);
            if (TDue.On)
            {
                ge += Vector512.LoadUnsafe(ref jumpE0, u);
                gi += Vector512.LoadUnsafe(ref jumpI0, u);
                Vector512<T>.Zero.StoreUnsafe(ref jumpE0, u);
                Vector512<T>.Zero.StoreUnsafe(ref jumpI0, u);
            }

            var vInf = TPerNeuronDrive.On ? Vector512.LoadUnsafe(ref vInf0, u) : sharedVInf;
            var vOld = Vector512.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            // Held (refractory) lanes keep V: sixteen int counters against sixteen floats, or eight counters
            // widened to longs against eight doubles.
            Vector512<T> held = typeof(T) == typeof(float)
                ? Vector512.LessThan(now, Vector512.LoadUnsafe(ref from0, u)).As<int, T>()
                : Vector512.LessThan(
                    nowLong, Vector512.WidenLower(Vector256.LoadUnsafe(ref from0, u).ToVector512())).As<long, T>();
            v = Vector512.ConditionalSelect(held, vOld, v);
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
        int n = b.V.Length - b.V.Length % Vector256<T>.Count;
        ref T v0 = ref MemoryMarshal.GetReference(b.V);
        ref T ge0 = ref MemoryMarshal.GetReference(b.Ge);
        ref T gi0 = ref MemoryMarshal.GetReference(b.Gi);
        ref T vInf0 = ref MemoryMarshal.GetReference(b.VInf);
        ref int from0 = ref MemoryMarshal.GetReference(b.IntegratesFrom);
        ref T jumpE0 = ref MemoryMarshal.GetReference(b.JumpE);
        ref T jumpI0 = ref MemoryMarshal.GetReference(b.JumpI);
        var pm = Vector256.Create(f.Pm);
        var pe = Vector256.Create(f.Pe);
        var pi = Vector256.Create(f.Pi);
        var ke = Vector256.Create(f.Ke);
        var ki = Vector256.Create(f.Ki);
        var vt = Vector256.Create(f.Threshold);
        var now = Vector256.Create(step);
        var nowLong = Vector256.Create((long)step);
        var sharedVInf = Vector256.Create(f.VInf);
        for (int i = 0; i < n; i += Vector256<T>.Count)
        {
            nuint u = (nuint)i;
            var ge = Vector256.LoadUnsafe(ref ge0, u);
            var gi = Vector256.LoadUnsafe(ref gi0, u);
            if (TDue.On)
            {
                ge += Vector256.LoadUnsafe(ref jumpE0, u);
                gi += Vector256.LoadUnsafe(ref jumpI0, u);
                Vector256<T>.Zero.StoreUnsafe(ref jumpE0, u);
                Vector256<T>.Zero.StoreUnsafe(ref jumpI0, u);
            }

            var vInf = TPerNeuronDrive.On ? Vector256.LoadUnsafe(ref vInf0, u) : sharedVInf;
            var vOld = Vector256.LoadUnsafe(ref v0, u);
            var v = vInf + (vOld - vInf) * pm + ge * ke + gi * ki;
            (ge * pe).StoreUnsafe(ref ge0, u);
            (gi * pi).StoreUnsafe(ref gi0, u);

            Vector256<T> held = typeof(T) == typeof(float)
                ? Vector256.LessThan(now, Vector256.LoadUnsafe(ref from0, u)).As<int, T>()
                : Vector256.LessThan(
                    nowLong, Vector256.WidenLower(Vector128.LoadUnsafe(ref from0, u).ToVector256())).As<long, T>();
            v = Vector256.ConditionalSelect(held, vOld, v);
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

    /// <summary>Records the spike, resets V and holds it for the k − 1 steps after this one (integration
    /// resumes at step + k; k = 0 behaves as k = 1: no held step).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(in Factors f, in Block b, int i, int step, int offset, SpikeBuffer spikes)
    {
        spikes.Add(offset + i);
        b.V[i] = f.Reset;
        b.IntegratesFrom[i] = step + f.RefractorySteps;
    }

    // Compile-time switches: each combination of "jumps due in the kernel" and "per-neuron drive" gets its own
    // compiled loop, with no test and no unused live pointer inside it.
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
