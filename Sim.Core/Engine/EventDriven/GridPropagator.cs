using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// The closed form of <see cref="LifClosedForm"/> tabulated at whole steps k·dt (k ≤ <see cref="TableSteps"/>), for
/// <see cref="SpikeTiming.Grid"/>: there every event and every threshold test falls on the grid, so advancing a
/// neuron by k steps costs four multiply-adds instead of seven exponentials. Table entries are computed with the
/// same functions as the closed form (Math.Exp, <see cref="LifClosedForm.PspKernel"/>), so both agree to rounding.
/// Offsets beyond the table use the closed form directly.
/// </summary>
public sealed class GridPropagator
{
    /// <summary>Largest tabulated offset, in steps.</summary>
    public const int TableSteps = 4096;

    private readonly double _dt;
    private readonly double _tauM, _tauE, _tauI;
    private readonly double[] _em, _ee, _ei, _ke, _ki;

    // The same five factors interleaved by offset, so advancing a neuron reads one or two cache lines, not five.
    private readonly Row[] _rows;

    internal readonly record struct Row(double Em, double Ee, double Ei, double Ke, double Ki);

    /// <summary>The propagator rows by offset 0..<see cref="TableSteps"/>, for loops advancing many neurons.</summary>
    internal Row[] Rows => _rows;

    /// <summary>
    /// Tabulates the propagator of <paramref name="c"/>'s time constants for step <paramref name="dt"/> (ms).
    /// </summary>
    public GridPropagator(in LifConstants c, double dt)
    {
        _dt = dt;
        _tauM = c.TauM;
        _tauE = c.TauE;
        _tauI = c.TauI;
        _em = new double[TableSteps + 1];
        _ee = new double[TableSteps + 1];
        _ei = new double[TableSteps + 1];
        _ke = new double[TableSteps + 1];
        _ki = new double[TableSteps + 1];
        _rows = new Row[TableSteps + 1];
        for (int k = 0; k <= TableSteps; k++)
        {
            double t = k * dt;
            _em[k] = Math.Exp(-t / c.TauM);
            _ee[k] = Math.Exp(-t / c.TauE);
            _ei[k] = Math.Exp(-t / c.TauI);
            _ke[k] = LifClosedForm.PspKernel(t, c.TauM, c.TauE);
            _ki[k] = LifClosedForm.PspKernel(t, c.TauM, c.TauI);
            _rows[k] = new Row(_em[k], _ee[k], _ei[k], _ke[k], _ki[k]);
        }
    }

    /// <summary>Whether this table serves constants <paramref name="c"/> at step <paramref name="dt"/>.</summary>
    public bool Serves(in LifConstants c, double dt) =>
        c.TauM == _tauM && c.TauE == _tauE && c.TauI == _tauI && dt == _dt;

    /// <summary>
    /// The state <paramref name="k"/> ≥ 0 steps after <paramref name="s"/>, with no input in between.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LifState Advance(in LifConstants c, in LifState s, long k)
    {
        double a = c.Asymptote;
        if (k > TableSteps)
            return Beyond(c, s, k);

        ref readonly Row r = ref _rows[k];
        return new LifState(AdvanceV(a, s.V, s.XE, s.XI, r), s.XE * r.Ee, s.XI * r.Ei);
    }

    /// <summary>V one row of the table after (v, x_e, x_i), A the asymptote: <see cref="Advance"/>'s formula, for
    /// loops that keep the state in locals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double AdvanceV(double a, double v, double xe, double xi, in Row r) =>
        a + (v - a) * r.Em + xe * r.Ke + xi * r.Ki;

    /// <summary>
    /// The bound of <see cref="FirstCrossing"/> on V over a window whose decay factors are em, ee, ei (V ≤ it
    /// throughout): by comparison with τ_m dW/dt = A + x_e⁺ + x_i⁺ − W, each x at its larger end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double UpperBound(double a, double v, double xe, double xi, double em, double ee, double ei)
    {
        double vInf = a + (Math.Max(xe, xe * ee) + Math.Max(xi, xi * ei));
        return Math.Max(v, vInf + (v - vInf) * em);
    }

    // At rest (V = A, no synaptic input) the state is a fixed point, exactly as the formula would give.
    private LifState Beyond(in LifConstants c, in LifState s, long k) =>
        s.V == c.Asymptote && s.XE == 0 && s.XI == 0 ? s : LifClosedForm.Advance(c, s, k * _dt);

    /// <summary>Synaptic variables <paramref name="k"/> steps later (V held, e.g. while refractory).</summary>
    public LifState Decay(in LifState s, long k) => k > TableSteps
        ? new LifState(s.V, s.XE * Math.Exp(-k * _dt / _tauE), s.XI * Math.Exp(-k * _dt / _tauI))
        : new LifState(s.V, s.XE * _rows[k].Ee, s.XI * _rows[k].Ei);

    /// <summary>
    /// The first k in [1, <paramref name="maxSteps"/>] with V(k·dt) ≥ V_t, or −1: the grid version of
    /// <see cref="ThresholdCrossing.First"/>. After the bounds over the whole future and the whole window, the
    /// first <see cref="ScanSteps"/> grid points are tested one by one (four at a time); beyond them windows double
    /// and a window is split until it is pruned by the bound, proved monotone (then bisected), or one step wide.
    /// </summary>
    public long FirstCrossing(in LifConstants c, in LifState s, long maxSteps)
    {
        if (maxSteps < 1 || UpperBound(c, s, long.MaxValue) < c.Threshold || UpperBound(c, s, maxSteps) < c.Threshold)
            return -1;

        // The first steps point by point, several at a time: cheaper than bounding and splitting windows there.
        long scanned = Math.Min(maxSteps, ScanSteps);
        long first = Scan(c, s, (int)scanned);
        if (first > 0 || scanned == maxSteps)
            return first;

        long a = scanned, h = scanned;
        var sa = Advance(c, s, a);
        while (a < maxSteps)
        {
            long b = Math.Min(maxSteps, a + h);
            long found = Search(c, s, a, sa, b);
            if (found > 0)
                return found;

            sa = Advance(c, s, b);
            if (UpperBound(c, sa, long.MaxValue) < c.Threshold)
                return -1;
            a = b;
            h *= 2;
        }

        return -1;
    }

    /// <summary>Steps that <see cref="FirstCrossing"/> tests one by one before it searches by bounds.</summary>
    public const int ScanSteps = 32;

    // First k in [1, n] with V(k) ≥ V_t, or −1; V(k) computed exactly as Advance computes it (same operations in the
    // same order, no fused multiply-add), so the scan and Advance agree bit for bit.
    private long Scan(in LifConstants c, in LifState s, int n)
    {
        double a = c.Asymptote, d = s.V - a, th = c.Threshold;
        int k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            var vd = Vector256.Create(d);
            var ve = Vector256.Create(s.XE);
            var vi = Vector256.Create(s.XI);
            var vt = Vector256.Create(th);
            for (; k + 3 <= n; k += 4)
            {
                var v = va + vd * Vector256.LoadUnsafe(ref _em[k]) + ve * Vector256.LoadUnsafe(ref _ke[k])
                    + vi * Vector256.LoadUnsafe(ref _ki[k]);
                uint hit = Vector256.GreaterThanOrEqual(v, vt).ExtractMostSignificantBits();
                if (hit != 0)
                    return k + BitOperations.TrailingZeroCount(hit);
            }
        }

        for (; k <= n; k++)
            if (a + d * _em[k] + s.XE * _ke[k] + s.XI * _ki[k] >= th)
                return k;
        return -1;
    }

    // First k in (a, b] with V ≥ V_t, or −1; sa is the state at a (from origin s).
    private long Search(in LifConstants c, in LifState s, long a, in LifState sa, long b)
    {
        long n = b - a;
        if (n == 1)
            return Advance(c, s, b).V >= c.Threshold ? b : -1;

        double upper = UpperBound(c, sa, n);
        if (upper < c.Threshold)
            return -1;

        if (IsIncreasing(c, sa, n, upper))
        {
            if (Advance(c, s, b).V < c.Threshold)
                return -1;

            long lo = a, hi = b;
            while (hi - lo > 1)
            {
                long mid = lo + (hi - lo) / 2;
                if (Advance(c, s, mid).V >= c.Threshold)
                    hi = mid;
                else
                    lo = mid;
            }

            return hi;
        }

        long m = a + n / 2;
        long left = Search(c, s, a, sa, m);
        return left > 0 ? left : Search(c, s, m, Advance(c, s, m), b);
    }

    private double Factor(double[] table, double tau, long n) =>
        n <= TableSteps ? table[n] : n == long.MaxValue ? 0 : Math.Exp(-n * _dt / tau);

    // The bound of ThresholdCrossing.UpperBound over n steps (n = long.MaxValue: the whole future).
    private double UpperBound(in LifConstants c, in LifState s, long n) =>
        UpperBound(c.Asymptote, s.V, s.XE, s.XI, Factor(_em, _tauM, n), Factor(_ee, _tauE, n), Factor(_ei, _tauI, n));

    private bool IsIncreasing(in LifConstants c, in LifState s, long n, double upper)
    {
        double xMin = Math.Min(s.XE, s.XE * Factor(_ee, _tauE, n)) + Math.Min(s.XI, s.XI * Factor(_ei, _tauI, n));
        return c.Asymptote + xMin - upper > 0;
    }
}
