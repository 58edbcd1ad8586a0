using System.Runtime.Intrinsics;

namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Counter-based random numbers: a value is a pure function of (seed, stream, counter), so encoders give the
/// same spikes whatever the thread count or the order in which samples are processed.
/// </summary>
/// <remarks>
/// Each draw is the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014) applied to a key built from the three inputs; its avalanche property makes
/// neighbouring counters independent enough for spike encoding.
/// </remarks>
internal static class CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Mixes 64 bits (SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        z += Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A key for one (seed, stream) pair; combine it with counters through <see cref="Uniform"/>.</summary>
    public static ulong Key(ulong seed, ulong stream) => Mix(Mix(seed) ^ (stream * Golden + 0x632BE59BD9B4E019UL));

    /// <summary>A uniform float in [0, 1) with 24 random bits, for the given key and counter.</summary>
    public static float Uniform(ulong key, ulong counter) => Bits24(key, counter) * (1f / 16777216f);

    /// <summary>The 24 random bits r of <see cref="Uniform"/> (which is r · 2⁻²⁴), as an integer.</summary>
    public static ulong Bits24(ulong key, ulong counter) => Mix(key ^ (counter * 0xD1B54A32D192ED03UL)) >> 40;

    /// <summary><see cref="Bits24(ulong, ulong)"/> of 8 counters at once (same values lane by lane).</summary>
    public static Vector512<ulong> Bits24(ulong key, Vector512<ulong> counters)
    {
        var z = (Vector512.Create(key) ^ (counters * 0xD1B54A32D192ED03UL)) + Vector512.Create(Golden);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >>> 31)) >>> 40;
    }
}
