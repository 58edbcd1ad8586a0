namespace NeuroSim.Core.Random;

/// <summary>
/// The xoshiro256** sequential generator (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47, 2021), its 256-bit state expanded from one 64-bit seed by SplitMix64. Fast, with a period of
/// 2^256 − 1; its whole state is four words, so a checkpoint can store it and a resumed run continues the
/// exact sequence. Used where one consumer draws many numbers in order (a projection's row, a training run).
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator; equal seeds give equal sequences on every machine.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMixStep(ref x);
        _s1 = SplitMixStep(ref x);
        _s2 = SplitMixStep(ref x);
        _s3 = SplitMixStep(ref x);
    }

    /// <summary>The four state words (for checkpoints).</summary>
    public readonly ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Restores a state returned by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">The state does not have exactly four words.</exception>
    public void SetState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != 4)
        {
            throw new ArgumentException($"state must have 4 words (got {state.Length})", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMixStep(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
