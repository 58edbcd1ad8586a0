namespace NeuroSim.Neurons.Lif;

/// <summary>
/// The exact propagator of the LIF subthreshold dynamics over one step dt: factors computed once when dt is
/// known, never in the step loop.
/// </summary>
/// <remarks>
/// Between spikes the system is linear with constant input, so over one step h it advances exactly by the
/// matrix exponential (Rotter &amp; Diesmann 1999, "Exact digital simulation of time-invariant linear systems
/// with applications to neuronal modeling", Biol. Cybern. 81:381):
/// <code>
///   g(t+h)  = g(t)·P_s,                 P_s = exp(-h/tau_s)
///   V(t+h)  = V_inf + (V(t) - V_inf)·P_m + g_e(t)·K_e + g_i(t)·K_i,   P_m = exp(-h/tau_m)
///   V_inf   = E_l + R·I_ext
///   K_s     = tau_s/(tau_m - tau_s) · (P_m - P_s)        for tau_s ≠ tau_m
///   K_s     = (h/tau_m) · P_m                            for tau_s = tau_m (the limit of the above)
/// </code>
/// K_s is evaluated as tau_s/d·P_m·expm1(h·d/(tau_m·tau_s)) with d = tau_s − tau_m (exact when the two are
/// close), so d cancels without loss of precision as the time constants approach each other; exact equality
/// takes the limit form.
/// </remarks>
public readonly record struct LifPropagator(
    double Pm,
    double Pe,
    double Pi,
    double Ke,
    double Ki,
    int RefractorySteps)
{
    /// <summary>Computes the factors for <paramref name="p"/> and step <paramref name="dt"/> (ms).</summary>
    /// <exception cref="ArgumentException">t_ref is not a whole number of steps.</exception>
    public static LifPropagator For(LifParameters p, double dt)
    {
        double steps = p.Refractory / dt;
        int k = (int)Math.Round(steps);
        if (Math.Abs(steps - k) > 1e-6)
        {
            throw new ArgumentException(
                $"t_ref must be a whole number of steps of dt = {dt} ms (got {p.Refractory} ms)", "t_ref");
        }

        return new LifPropagator(
            Math.Exp(-dt / p.TauM),
            Math.Exp(-dt / p.TauExc),
            Math.Exp(-dt / p.TauInh),
            SynapticGain(p.TauM, p.TauExc, dt),
            SynapticGain(p.TauM, p.TauInh, dt),
            k);
    }

    /// <summary>K_s: the voltage at time h produced by a unit synaptic variable at time 0 (see remarks).</summary>
    public static double SynapticGain(double tauM, double tauS, double h)
    {
        if (tauM == tauS)
        {
            return h / tauM * Math.Exp(-h / tauM);
        }

        double d = tauS - tauM;
        return tauS / d * Math.Exp(-h / tauM) * ExpM1(h * d / (tauM * tauS));
    }

    /// <summary>exp(x) − 1 without cancellation for small |x| (Kahan's trick: the rounding of exp cancels).</summary>
    internal static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }
}
