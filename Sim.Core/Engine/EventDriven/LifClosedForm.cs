namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Exact (closed-form) sub-threshold solution of the LIF neuron with exponential synaptic variables
/// (<see cref="LifConstants"/>): the state a time t after a known state, with no input in between.
/// <para>
/// With A = E_L + D (the asymptote) and the state (V₀, x_e, x_i) at t = 0:
/// <code>
///   V(t) = A + (V₀ − A)·e^(−t/τ_m) + x_e·K(t; τ_m, τ_e) + x_i·K(t; τ_m, τ_i)
///   K(t; τ_m, τ_s) = τ_s/(τ_m − τ_s)·(e^(−t/τ_m) − e^(−t/τ_s))        (τ_m ≠ τ_s)
///                  = (t/τ_m)·e^(−t/τ_m)                                  (τ_m = τ_s)
/// </code>
/// K is evaluated in the cancellation-free form K = (t/τ_m)·e^(−t/τ_slow)·φ(t·|1/τ_s − 1/τ_m|) with
/// φ(z) = (1 − e^(−z))/z and τ_slow = max(τ_m, τ_s), so time constants that are equal or nearly equal lose no
/// digits (the plain difference of exponentials over τ_m − τ_s would). See docs/event-driven.md.
/// </para>
/// </summary>
public static class LifClosedForm
{
    /// <summary>
    /// The state <paramref name="t"/> ms (≥ 0) after <paramref name="state"/>, with no input in between.
    /// </summary>
    public static LifState Advance(in LifConstants c, in LifState state, double t)
    {
        double a = c.Asymptote;
        double v = a + (state.V - a) * Math.Exp(-t / c.TauM)
                   + state.XE * PspKernel(t, c.TauM, c.TauE) + state.XI * PspKernel(t, c.TauM, c.TauI);
        return new LifState(v, state.XE * Math.Exp(-t / c.TauE), state.XI * Math.Exp(-t / c.TauI));
    }

    /// <summary>
    /// Membrane response K(t) (mV per mV of synaptic jump) at time t (ms) after a unit jump of a synaptic
    /// variable with time constant <paramref name="tauS"/>, starting from rest; 0 for t ≤ 0.
    /// </summary>
    public static double PspKernel(double t, double tauM, double tauS)
    {
        if (t <= 0)
            return 0;

        // τ_m = τ_s: the general formula is 0/0; its limit is (t/τ)·e^(−t/τ).
        if (tauS == tauM)
            return t / tauM * Math.Exp(-t / tauM);

        double slow = Math.Max(tauM, tauS);
        double z = t * Math.Abs(1.0 / tauS - 1.0 / tauM);
        return t / tauM * Math.Exp(-t / slow) * OneMinusExpOverZ(z);
    }

    /// <summary>dV/dt (mV/ms) of a state below threshold and outside the refractory period.</summary>
    public static double Slope(in LifConstants c, in LifState state) =>
        (c.Asymptote + state.XE + state.XI - state.V) / c.TauM;

    /// <summary>φ(z) = (1 − e^(−z))/z for z ≥ 0, with φ(0) = 1, accurate to a few ulps for every z.</summary>
    internal static double OneMinusExpOverZ(double z) => z == 0 ? 1.0 : -ExpM1(-z) / z;

    /// <summary>
    /// e^x − 1 without cancellation for small |x| (.NET has no expm1). Kahan's correction: with u = fl(e^x),
    /// (u − 1)·x / ln u is accurate to a few ulps because the rounding of u cancels between numerator and
    /// denominator.
    /// </summary>
    internal static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
            return x;

        double um1 = u - 1.0;
        if (um1 == -1.0)
            return -1.0;

        return double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }
}
