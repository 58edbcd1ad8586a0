namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Regular (deterministic rate) encoder: input i fires at a constant rate p_i = clamp(x_i, 0, 1) · r_max · dt
/// spikes per step, evenly spaced, with a seeded random phase so that inputs do not all fire together.
/// </summary>
/// <remarks>
/// A phase accumulator φ_i + t·p_i fires at step t when its integer part increases:
/// spike(t) = ⌊φ_i + (t + 1)·p_i⌋ − ⌊φ_i + t·p_i⌋, with φ_i uniform in [0, 1) drawn from (seed, sample key, i).
/// The count over T steps is therefore ⌊T·p_i⌋ or ⌈T·p_i⌉: rate coding without Poisson noise.
/// </remarks>
public sealed class RegularEncoder : ISpikeEncoder
{
    private readonly ulong _seed;

    /// <summary>Creates the encoder (same arguments and checks as <see cref="PoissonEncoder"/>).</summary>
    public RegularEncoder(int steps, double maxRateHz, double dtMs, ulong seed)
    {
        Steps = steps;
        ProbabilityAtOne = RateEncoding.ProbabilityAtOne(steps, maxRateHz, dtMs);
        _seed = seed;
    }

    /// <inheritdoc />
    public int Steps { get; }

    /// <summary>Spikes per step of an input of intensity 1.</summary>
    public float ProbabilityAtOne { get; }

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<float> intensities, Span<float> spikes, ulong sampleKey)
    {
        int n = intensities.Length;
        RateEncoding.PrepareBuffer(spikes, Steps, n);

        ulong key = CounterRandom.Key(_seed, sampleKey);
        for (int i = 0; i < n; i++)
        {
            double p = Math.Clamp(intensities[i], 0f, 1f) * (double)ProbabilityAtOne;
            if (!(p > 0))
            {
                continue;
            }

            double phase = CounterRandom.Uniform(key, (ulong)i);
            for (int t = 0; t < Steps; t++)
            {
                if (Math.Floor(phase + (t + 1) * p) > Math.Floor(phase + t * p))
                {
                    spikes[t * n + i] = 1f;
                }
            }
        }
    }
}
