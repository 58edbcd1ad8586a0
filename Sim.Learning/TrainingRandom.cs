using NeuroSim.Core.Random;

namespace NeuroSim.Learning;

/// <summary>
/// A small seeded random generator for training (shuffling, dropout masks, initial and feedback weights):
/// a <see cref="Xoshiro256StarStar"/> stream. Its whole state is four integers, so a
/// checkpoint can store it and a resumed run draws exactly the numbers an uninterrupted run would have drawn.
/// </summary>
public sealed class TrainingRandom
{
    private Xoshiro256StarStar _rng;

    /// <summary>Seeds the generator; equal seeds give equal sequences on every machine.</summary>
    public TrainingRandom(ulong seed) => _rng = new Xoshiro256StarStar(seed);

    /// <summary>The four state words (for checkpoints).</summary>
    public ulong[] GetState() => _rng.GetState();

    /// <summary>Restores a state returned by <see cref="GetState"/>.</summary>
    public void SetState(ReadOnlySpan<ulong> state) => _rng.SetState(state);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => _rng.NextUInt64();

    /// <summary>Uniform in [0, 1) with 24 random bits (float precision).</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _rng.NextDouble();

    /// <summary>Uniform integer in [0, n), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ulong range = (ulong)n;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A derived generator for an independent stream (e.g. one per layer).</summary>
    public TrainingRandom Fork() => new(NextUInt64());
}
