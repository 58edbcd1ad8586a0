using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// The inner loop of the trace rules: one spike walks its synapses k ∈ [start, end) (an outgoing or incoming run of
/// a <see cref="NeuroSim.Core.Plasticity.PlasticProjection"/>) and changes each weight by an amount proportional
/// to the other side's trace. The traces are the scaled values of <see cref="LazyTraces"/>, so a visit is index
/// loads, a trace load, a multiply-add and a clip; the additive walks take four synapses at a time (AVX2 gathers).
/// Indexes come from the projection's own index arrays (checked when it was built), so the loops skip bounds
/// checks; most of their cost is the scattered weight access of the incoming walk.
/// </summary>
internal static class TraceWalk
{
    /// <summary>
    /// Additive: w[synapse[k]] ← clip(w + amount·trace[other[k]]) for every k with a nonzero trace; amount &lt; 0
    /// depresses (bit for bit the same as subtracting |amount|·trace, negation being exact).
    /// </summary>
    public static void Additive(float[] w, int[] synapse, int[] other, double[] trace, int start, int end,
        double amount, double wMin, double wMax) => Walk(w, synapse, other, trace, start, end, amount, wMin, wMax);

    /// <summary>
    /// <see cref="Additive"/> over synapses stored in walk order (synapse index = k, as an outgoing walk of
    /// compressed rows): the weights are read in sequence, with one index load less per visit.
    /// </summary>
    public static void AdditiveInOrder(float[] w, int[] other, double[] trace, int start, int end, double amount,
        double wMin, double wMax) => Walk(w, null, other, trace, start, end, amount, wMin, wMax);

    // Both additive walks (synapse null: in walk order). Four synapses at a time where AVX2 is there: gather their
    // traces (and, scattered, their weights), update in double, store the weights back — one by one when scattered
    // (a synapse appears once in a run, so the four stores never collide); the rest one by one.
    private static unsafe void Walk(float[] w, int[]? synapse, int[] other, double[] trace, int start, int end,
        double amount, double wMin, double wMax)
    {
        Debug.Assert(start >= 0 && end <= other.Length && end <= (synapse?.Length ?? w.Length));
        int k = start;
        if (Avx2.IsSupported && end - start >= 4)
        {
            fixed (float* pw = w)
            fixed (double* px = trace)
            fixed (int* ps = synapse, po = other)
            {
                var step = new Step(amount, wMin, wMax);
                if (ps is null)
                {
                    for (; k + 4 <= end; k += 4)
                    {
                        var w4 = Sse.LoadVector128(pw + k);
                        var x = Avx2.GatherVector256(px, Sse2.LoadVector128(po + k), 8);
                        Sse.Store(pw + k, step.Apply(w4, Avx.ConvertToVector256Double(w4), x));
                    }
                }
                else
                {
                    for (; k + 4 <= end; k += 4)
                    {
                        var s = Sse2.LoadVector128(ps + k);
                        var w4 = Avx2.GatherVector128(pw, s, 4);
                        var x = Avx2.GatherVector256(px, Sse2.LoadVector128(po + k), 8);
                        var r = step.Apply(w4, Avx.ConvertToVector256Double(w4), x);
                        pw[s.GetElement(0)] = r.GetElement(0);
                        pw[s.GetElement(1)] = r.GetElement(1);
                        pw[s.GetElement(2)] = r.GetElement(2);
                        pw[s.GetElement(3)] = r.GetElement(3);
                    }
                }
            }
        }

        ref float w0 = ref MemoryMarshal.GetArrayDataReference(w);
        ref double x0 = ref MemoryMarshal.GetArrayDataReference(trace);
        ref int o0 = ref MemoryMarshal.GetArrayDataReference(other);
        for (; k < end; k++)
            Visit(ref Unsafe.Add(ref w0, synapse is null ? k : synapse[k]), Unsafe.Add(ref x0, Unsafe.Add(ref o0, k)),
                amount, wMin, wMax);
    }

    // One synapse of an additive walk (the scalar reference of Step.Apply): untouched when its trace is 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Visit(ref float w, double x, double amount, double wMin, double wMax)
    {
        if (x != 0)
            w = WeightUpdate.Clip(w + amount * x, wMin, wMax);
    }

    // The additive update of four synapses, bit for bit the scalar one: w + amount·x in double (no fused
    // multiply-add), clipped as Math.Clamp clips (min then max with the bound first, so an equal value or NaN
    // passes through unchanged), and a weight whose trace is 0 left as it was: its original float, not a round trip
    // through double (which would quiet a signalling NaN).
    private readonly struct Step(double amount, double wMin, double wMax)
    {
        private readonly Vector256<double> _amount = Vector256.Create(amount);
        private readonly Vector256<double> _min = Vector256.Create(wMin);
        private readonly Vector256<double> _max = Vector256.Create(wMax);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<float> Apply(Vector128<float> w, Vector256<double> wide, Vector256<double> x)
        {
            var v = Avx.Max(_min, Avx.Min(_max, Avx.Add(wide, Avx.Multiply(_amount, x))));
            var untouched = Avx.Compare(x, Vector256<double>.Zero, FloatComparisonMode.OrderedEqualNonSignaling);

            // The 64-bit lane masks narrowed to 32 bits (each lane's mask is all ones or all zeros).
            var mask = Avx2.PermuteVar8x32(untouched.AsInt32(), Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6)).GetLower();
            return Sse41.BlendVariable(Avx.ConvertToVector128Single(v), w, mask.AsSingle());
        }
    }

    /// <summary>
    /// The walk of presynaptic neuron <paramref name="pre"/>'s outgoing synapses (additive: amount &lt; 0 depresses).
    /// </summary>
    public static void Outgoing(NeuroSim.Core.Plasticity.PlasticProjection proj, double[] trace, int pre, double amount,
        bool potentiate, WeightDependence dependence, double wMin, double wMax)
    {
        int start = proj.OutStart[pre], end = proj.OutStart[pre + 1];
        if (proj.OutInOrder && dependence == WeightDependence.Additive)
            AdditiveInOrder(proj.Weights, proj.OutPost, trace, start, end, potentiate ? amount : -amount, wMin, wMax);
        else
            Update(proj.Weights, proj.OutSynapse, proj.OutPost, trace, start, end, amount, potentiate, dependence,
                wMin, wMax);
    }

    /// <summary>The same walk under any weight dependence (<see cref="WeightUpdate"/>); amount ≥ 0.</summary>
    public static void Update(float[] w, int[] synapse, int[] other, double[] trace, int start, int end,
        double amount, bool potentiate, WeightDependence dependence, double wMin, double wMax)
    {
        if (dependence == WeightDependence.Additive)
        {
            Additive(w, synapse, other, trace, start, end, potentiate ? amount : -amount, wMin, wMax);
            return;
        }

        for (int k = start; k < end; k++)
        {
            double x = trace[other[k]];
            if (x != 0)
            {
                int s = synapse[k];
                w[s] = potentiate
                    ? WeightUpdate.Potentiate(w[s], amount * x, dependence, wMin, wMax)
                    : WeightUpdate.Depress(w[s], amount * x, dependence, wMin, wMax);
            }
        }
    }
}
