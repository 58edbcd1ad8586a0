namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Finds the first time the closed-form LIF membrane (<see cref="LifClosedForm"/>) reaches threshold, with a
/// rigorous search that cannot skip a crossing hidden between two samples.
/// <para>
/// Algorithm (branch and bound, then safeguarded Newton):
/// 1. Upper bound on [a, b]: each synaptic variable is monotone, so x(t) ≤ X⁺ = Σ max(x(a), x(b)). By the
///    comparison principle V(t) ≤ W(t), the solution of τ_m dW/dt = A + X⁺ − W with W(a) = V(a); W is
///    monotone, so U = max(V(a), W(b)) bounds V on [a, b]. If U &lt; V_th there is no crossing in [a, b].
/// 2. Monotonicity: with X⁻ = Σ min(x(a), x(b)), dV/dt ≥ (A + X⁻ − U)/τ_m on [a, b]; when that is &gt; 0 and
///    V(b) ≥ V_th, [a, b] holds exactly one crossing.
/// 3. Otherwise split [a, b] in half and search the left half first, so the crossing found is the first.
/// 4. On a single-crossing bracket, Newton steps (dV/dt is known in closed form) safeguarded by bisection
///    shrink the bracket to <see cref="Tolerance"/>; the upper end (where V ≥ V_th) is returned.
/// The search walks forward in windows that double from <see cref="FirstWindow"/>, so an input that makes the
/// neuron fire soon costs a few evaluations whatever the horizon.
/// Known limit: a graze that rises above threshold for less than <see cref="Tolerance"/> may be missed; V then
/// exceeds V_th by at most about |dV/dt|·Tolerance.
/// </para>
/// </summary>
public static class ThresholdCrossing
{
    /// <summary>Width (ms) of the final bracket around a crossing time.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Width (ms) of the first forward window of the search.</summary>
    public const double FirstWindow = 1.0;

    private const int MaxRefineIterations = 200;

    /// <summary>
    /// The first offset t in [0, <paramref name="horizon"/>] (ms after <paramref name="state"/>) with
    /// V(t) ≥ V_th, or +∞ when the membrane stays below threshold over the whole horizon.
    /// </summary>
    public static double First(in LifConstants c, in LifState state, double horizon)
    {
        if (state.V >= c.Threshold)
            return 0;

        if (!(horizon > 0) || UpperBound(c, state, horizon) < c.Threshold)
            return double.PositiveInfinity;

        double a = 0;
        var sa = state;
        double window = FirstWindow;
        while (a < horizon)
        {
            double b = Math.Min(horizon, a + window);
            var sb = LifClosedForm.Advance(c, state, b);
            double found = Search(c, state, a, sa, b, sb);
            if (!double.IsPositiveInfinity(found))
                return found;

            if (UpperBound(c, sb, horizon - b) < c.Threshold)
                return double.PositiveInfinity;

            a = b;
            sa = sb;
            window *= 2;
        }

        return double.PositiveInfinity;
    }

    /// <summary>
    /// An upper bound (mV) of V over the next <paramref name="h"/> ms from <paramref name="s"/>, assuming no
    /// input and no threshold (step 1 of the class summary).
    /// </summary>
    public static double UpperBound(in LifConstants c, in LifState s, double h)
    {
        double xMax = Math.Max(s.XE, s.XE * Math.Exp(-h / c.TauE)) + Math.Max(s.XI, s.XI * Math.Exp(-h / c.TauI));
        double vInf = c.Asymptote + xMax;
        double w = vInf + (s.V - vInf) * Math.Exp(-h / c.TauM);
        return Math.Max(s.V, w);
    }

    private static bool IsIncreasing(in LifConstants c, in LifState s, double h, double upper)
    {
        double xMin = Math.Min(s.XE, s.XE * Math.Exp(-h / c.TauE)) + Math.Min(s.XI, s.XI * Math.Exp(-h / c.TauI));
        return c.Asymptote + xMin - upper > 0;
    }

    // Invariant: sa.V < threshold. States are always recomputed from the origin so that rounding does not
    // accumulate along the subdivision.
    private static double Search(in LifConstants c, in LifState origin, double a, in LifState sa, double b,
        in LifState sb)
    {
        double h = b - a;
        double upper = UpperBound(c, sa, h);
        if (upper < c.Threshold)
            return double.PositiveInfinity;

        if (sb.V >= c.Threshold && IsIncreasing(c, sa, h, upper))
            return Refine(c, origin, a, b);

        if (h <= Tolerance || a + h / 2 <= a || a + h / 2 >= b)
            return sb.V >= c.Threshold ? b : double.PositiveInfinity;

        double m = a + h / 2;
        var sm = LifClosedForm.Advance(c, origin, m);
        if (sm.V >= c.Threshold)
        {
            double left = Search(c, origin, a, sa, m, sm);
            return double.IsPositiveInfinity(left) ? m : left;
        }

        double first = Search(c, origin, a, sa, m, sm);
        return double.IsPositiveInfinity(first) ? Search(c, origin, m, sm, b, sb) : first;
    }

    // f(t) = V(t) − V_th is strictly increasing on [lo, hi], f(lo) < 0 ≤ f(hi).
    private static double Refine(in LifConstants c, in LifState origin, double lo, double hi)
    {
        double t = hi;
        for (int i = 0; i < MaxRefineIterations && !IsNarrow(lo, hi); i++)
        {
            var st = LifClosedForm.Advance(c, origin, t);
            double f = st.V - c.Threshold;
            if (f >= 0)
                hi = t;
            else
                lo = t;

            double slope = LifClosedForm.Slope(c, st);
            double next = slope > 0 ? t - f / slope : double.NaN;
            if (!(next > lo && next < hi))
            {
                t = lo + (hi - lo) / 2;
                continue;
            }

            // Newton has converged to within the tolerance: close the bracket around its estimate.
            if (Math.Abs(next - t) < Tolerance / 2)
            {
                double left = Math.Max(lo, next - Tolerance / 2);
                double right = Math.Min(hi, next + Tolerance / 2);
                if (LifClosedForm.Advance(c, origin, right).V >= c.Threshold)
                    hi = right;
                if (LifClosedForm.Advance(c, origin, left).V < c.Threshold)
                    lo = left;
                t = lo + (hi - lo) / 2;
                continue;
            }

            t = next;
        }

        return hi;
    }

    private static bool IsNarrow(double lo, double hi)
    {
        double mid = lo + (hi - lo) / 2;
        return hi - lo <= Tolerance || mid <= lo || mid >= hi;
    }
}
