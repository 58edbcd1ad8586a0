namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Checks shared by the rate encoders (<see cref="PoissonEncoder"/>, <see cref="RegularEncoder"/>): the
/// per-step probability of an input of intensity 1, p = r_max · dt / 1000 (r_max in Hz, dt in ms), which must
/// not exceed one spike per step, and the size of the [T, n] spike buffer.
/// </summary>
internal static class RateEncoding
{
    /// <summary>Validates the constructor arguments and returns r_max · dt / 1000, clamped to 1.</summary>
    public static float ProbabilityAtOne(int steps, double maxRateHz, double dtMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(maxRateHz > 0) || !(dtMs > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxRateHz),
                $"max rate and dt must be > 0 (got {maxRateHz} Hz, {dtMs} ms)");
        }

        double p = maxRateHz * dtMs / 1000.0;
        if (p > 1.0 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRateHz),
                $"max rate · dt must be ≤ 1 spike per step (got {maxRateHz} Hz · {dtMs} ms = {p})");
        }

        return (float)Math.Min(1.0, p);
    }

    /// <summary>Checks that <paramref name="spikes"/> holds steps × n values, then clears it.</summary>
    public static void PrepareBuffer(Span<float> spikes, int steps, int n)
    {
        if (spikes.Length != steps * n)
        {
            throw new ArgumentException($"spike buffer must hold {steps} × {n} values (got {spikes.Length})",
                nameof(spikes));
        }

        spikes.Clear();
    }
}
