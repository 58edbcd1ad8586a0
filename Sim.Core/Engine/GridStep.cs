namespace NeuroSim.Core.Engine;

/// <summary>
/// Which step of a dt grid contains a time: step k holds [k·dt, (k + 1)·dt). A time meant to lie on the grid,
/// k·dt, comes back from a division as k(1 ± a few ulp), so the floor allows a tolerance: 1e-9 steps, or 1e-12 of
/// the step index for long runs (k·dt/dt drifts from k by ~k·1e-16, more than 1e-9 beyond ~10⁷ steps).
/// </summary>
public static class GridStep
{
    /// <summary>
    /// The index of the step of <paramref name="dt"/> that contains <paramref name="time"/> (same units).
    /// </summary>
    public static long Containing(double time, double dt)
    {
        double x = time / dt;
        return (long)Math.Floor(x + Math.Max(1e-9, 1e-12 * Math.Abs(x)));
    }
}
