namespace NeuroSim.Core.Network;

/// <summary>
/// The "simulation" section. Times are in ms.
/// </summary>
/// <param name="Dt">Time step in ms (default 0.1 ms).</param>
/// <param name="Duration">Simulated time in ms (default 1000 ms).</param>
/// <param name="Seed">Master seed (default 0); per-population and per-projection streams derive from it.</param>
/// <param name="Engine">Engine to use (default clock).</param>
/// <param name="Timing">Spike timing of the event engine (default grid: the clock engine's conventions).</param>
/// <param name="Precision">Arithmetic of the clock engine's LIF populations (default float32).</param>
public sealed record SimulationSpec(double Dt, double Duration, long Seed, EngineKind Engine,
    EventTiming Timing = EventTiming.Grid, Precision Precision = Precision.Float32)
{
    /// <summary>Number of whole steps of <see cref="Dt"/> in <paramref name="timeMs"/>, rounded to nearest.</summary>
    public long StepsOf(double timeMs) => (long)Math.Round(timeMs / Dt);

    /// <summary>Number of steps of the whole run.</summary>
    public long Steps => StepsOf(Duration);

    /// <summary>True when <paramref name="timeMs"/> is a whole number of steps (relative tolerance 1e-9).</summary>
    public bool IsWholeSteps(double timeMs) => IsMultiple(timeMs, Dt);

    /// <summary>
    /// True when <paramref name="value"/> / <paramref name="step"/> is an integer within 1e-9 relative.
    /// </summary>
    public static bool IsMultiple(double value, double step)
    {
        double ratio = value / step;
        return Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1.0, Math.Abs(ratio));
    }
}
