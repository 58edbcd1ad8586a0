using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// The inner loop of the trace rules: one spike walks its synapses k ∈ [start, end) (an outgoing or incoming run of
/// a <see cref="NeuroSim.Core.Plasticity.PlasticProjection"/>) and changes each weight by an amount proportional
/// to the other side's trace. The traces are the scaled values of <see cref="LazyTraces"/>, so a visit is two
/// index loads, a trace load, a multiply-add and a clip. Indexes come from the projection's own index arrays
/// (checked when it was built), so the loops skip bounds checks; they cost a few ns per synapse, most of it the
/// scattered weight access of the incoming walk.
/// </summary>
internal static class TraceWalk
{
    /// <summary>
    /// Additive: w[synapse[k]] ← clip(w + amount·trace[other[k]]) for every k with a nonzero trace; amount &lt; 0
    /// depresses (bit for bit the same as subtracting |amount|·trace, negation being exact).
    /// </summary>
    public static void Additive(float[] w, int[] synapse, int[] other, double[] trace, int start, int end,
        double amount, double wMin, double wMax)
    {
        Debug.Assert(start >= 0 && end <= synapse.Length && end <= other.Length);
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(w);
        ref double x0 = ref MemoryMarshal.GetArrayDataReference(trace);
        ref int s0 = ref MemoryMarshal.GetArrayDataReference(synapse);
        ref int o0 = ref MemoryMarshal.GetArrayDataReference(other);
        for (int k = start; k < end; k++)
        {
            double x = Unsafe.Add(ref x0, Unsafe.Add(ref o0, k));
            if (x != 0)
            {
                ref float ws = ref Unsafe.Add(ref w0, Unsafe.Add(ref s0, k));
                ws = WeightUpdate.Clip(ws + amount * x, wMin, wMax);
            }
        }
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
