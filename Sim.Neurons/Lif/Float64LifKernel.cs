using System.Runtime.CompilerServices;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// The LIF step kernel in float64 (<see cref="Float64LifPopulation"/>): add the due jump sums to g_e and g_i
/// (zeroing them), propagate, threshold, reset, in one scalar pass over a block. The step is
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
    /// <paramref name="spikes"/> with <paramref name="offset"/> added to their block index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step(in Factors f, in Block b, int step, int offset, SpikeBuffer spikes)
    {
        bool perNeuronDrive = !b.VInf.IsEmpty;
        bool due = !b.JumpE.IsEmpty;
        var v = b.V;
        var geAll = b.Ge;
        var giAll = b.Gi;
        var from = b.IntegratesFrom;
        for (int i = 0; i < v.Length; i++)
        {
            double ge = geAll[i];
            double gi = giAll[i];
            if (due)
            {
                ge += b.JumpE[i];
                gi += b.JumpI[i];
                b.JumpE[i] = 0;
                b.JumpI[i] = 0;
            }

            double vInf = perNeuronDrive ? b.VInf[i] : f.VInf;
            double next = vInf + (v[i] - vInf) * f.Pm + ge * f.Ke + gi * f.Ki;
            geAll[i] = ge * f.Pe;
            giAll[i] = gi * f.Pi;
            if (step < from[i])
            {
                next = v[i];
            }

            v[i] = next;
            if (next >= f.Threshold)
            {
                spikes.Add(offset + i);
                v[i] = f.Reset;
                from[i] = step + f.RefractorySteps;
            }
        }
    }
}
