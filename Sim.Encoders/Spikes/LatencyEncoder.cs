namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Latency (time-to-first-spike) encoder: each input spikes at most once, earlier for larger intensity:
/// t_i = round((1 − x_i) · (T − 1)) for x_i &gt; threshold, no spike otherwise.
/// </summary>
/// <remarks>
/// The linear map sends intensity 1 to step 0 and intensities just above the threshold to the last steps, so
/// the order of intensities is preserved in the order of spike times (ties only where rounding merges them).
/// The code is deterministic; the seed is accepted for a uniform encoder interface and is not used
/// (there is no jitter).
/// </remarks>
public sealed class LatencyEncoder : ISpikeEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="steps">Time steps T (≥ 1).</param>
    /// <param name="threshold">Intensities at or below this value do not spike (default 0).</param>
    public LatencyEncoder(int steps, float threshold = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(threshold >= 0f && threshold < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), $"threshold must be in [0, 1) (got {threshold})");
        }

        Steps = steps;
        Threshold = threshold;
    }

    /// <inheritdoc />
    public int Steps { get; }

    /// <summary>Intensities at or below this value produce no spike.</summary>
    public float Threshold { get; }

    /// <summary>The spike step of one intensity, or -1 when it does not spike.</summary>
    public int SpikeStep(float intensity)
    {
        if (!(intensity > Threshold))
        {
            return -1;
        }

        float x = Math.Min(intensity, 1f);
        return (int)MathF.Round((1f - x) * (Steps - 1), MidpointRounding.AwayFromZero);
    }

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<float> intensities, Span<float> spikes, ulong sampleKey)
    {
        int n = intensities.Length;
        if (spikes.Length != Steps * n)
        {
            throw new ArgumentException($"spike buffer must hold {Steps} × {n} values (got {spikes.Length})",
                nameof(spikes));
        }

        spikes.Clear();
        for (int i = 0; i < n; i++)
        {
            int t = SpikeStep(intensities[i]);
            if (t >= 0)
            {
                spikes[t * n + i] = 1f;
            }
        }
    }
}
