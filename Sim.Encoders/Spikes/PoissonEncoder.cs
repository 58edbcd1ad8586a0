using System.Runtime.Intrinsics;

namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Poisson (Bernoulli-per-step) rate encoder: input i spikes at each step independently with probability
/// p_i = clamp(x_i, 0, 1) · r_max · dt.
/// </summary>
/// <remarks>
/// This is the discrete-time Poisson process: over T steps the count is binomial with mean T·p and variance
/// T·p·(1 − p) (docs oracles: Poisson sources). r_max is in Hz and dt in ms, so p = x · r_max · dt / 1000;
/// r_max · dt must not exceed 1 (at most one spike per step), which the constructor checks. With
/// r_max = 1/dt an intensity is the per-step spike probability, the usual rate coding of MNIST pixels.
/// Uniform draws come from <see cref="CounterRandom"/> keyed by (seed, sample key, step · n + i).
/// Pixels of intensity 0 never spike and cost no draw. <see cref="EncodeByInput"/> makes the same draws and
/// lists the spikes instead of writing the raster.
/// </remarks>
public sealed class PoissonEncoder : ISparseSpikeEncoder
{
    private readonly ulong _seed;

    /// <summary>Creates the encoder.</summary>
    /// <param name="steps">Time steps T (≥ 1).</param>
    /// <param name="maxRateHz">Rate of an input of intensity 1, in Hz (&gt; 0).</param>
    /// <param name="dtMs">Time step in ms (&gt; 0); maxRateHz · dtMs / 1000 must be ≤ 1.</param>
    /// <param name="seed">Seed of the random stream.</param>
    public PoissonEncoder(int steps, double maxRateHz, double dtMs, ulong seed)
    {
        Steps = steps;
        ProbabilityAtOne = RateEncoding.ProbabilityAtOne(steps, maxRateHz, dtMs);
        _seed = seed;
    }

    /// <inheritdoc />
    public int Steps { get; }

    /// <summary>Per-step spike probability of an input of intensity 1 (r_max · dt).</summary>
    public float ProbabilityAtOne { get; }

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<float> intensities, Span<float> spikes, ulong sampleKey)
    {
        int n = intensities.Length;
        RateEncoding.PrepareBuffer(spikes, Steps, n);

        ulong key = CounterRandom.Key(_seed, sampleKey);
        for (int i = 0; i < n; i++)
        {
            float p = Math.Clamp(intensities[i], 0f, 1f) * ProbabilityAtOne;
            if (!(p > 0f))
            {
                continue;
            }

            for (int t = 0; t < Steps; t++)
            {
                if (CounterRandom.Uniform(key, (ulong)(t * n + i)) < p)
                {
                    spikes[t * n + i] = 1f;
                }
            }
        }
    }

    /// <inheritdoc />
    public int EncodeByInput(ReadOnlySpan<float> intensities, ulong sampleKey, Span<int> inputStart, Span<int> steps)
    {
        int n = intensities.Length;
        if (inputStart.Length < n + 1 || steps.Length < Steps * n)
        {
            throw new ArgumentException($"inputStart must hold {n + 1} values and steps {Steps} × {n} (got " +
                $"{inputStart.Length} and {steps.Length})");
        }

        ulong key = CounterRandom.Key(_seed, sampleKey);
        ulong un = (ulong)n;
        var offsets = Vector512.Create(0, un, 2 * un, 3 * un, 4 * un, 5 * un, 6 * un, 7 * un);
        int count = 0;
        inputStart[0] = 0;
        for (int i = 0; i < n; i++)
        {
            float p = Math.Clamp(intensities[i], 0f, 1f) * ProbabilityAtOne;
            if (p > 0f)
            {
                // Branch-free: the step is always written and kept when the draw spikes. A draw is u = r · 2⁻²⁴
                // with r = the top 24 bits of the mix, so u < p ⇔ r < ⌈p · 2²⁴⌉ (both sides exact), the same
                // spikes as Encode.
                ulong threshold = (ulong)MathF.Ceiling(p * 16777216f);
                int t = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    // Eight steps per draw vector; the lanes' spike bits then keep or drop each written step.
                    var limit = Vector512.Create(threshold);
                    for (; t <= Steps - 8; t += 8)
                    {
                        var counters = Vector512.Create((ulong)(t * n + i)) + offsets;
                        uint bits = (uint)Vector512.LessThan(CounterRandom.Bits24(key, counters), limit)
                            .ExtractMostSignificantBits();
                        for (int lane = 0; lane < 8; lane++)
                        {
                            steps[count] = t + lane;
                            count += (int)((bits >> lane) & 1);
                        }
                    }
                }

                for (; t < Steps; t++)
                {
                    steps[count] = t;
                    count += CounterRandom.Bits24(key, (ulong)(t * n + i)) < threshold ? 1 : 0;
                }
            }

            inputStart[i + 1] = count;
        }

        return count;
    }
}
