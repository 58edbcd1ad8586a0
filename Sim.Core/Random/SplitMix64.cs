namespace NeuroSim.Core.Random;

/// <summary>
/// A small seeded sequential stream (SplitMix64) for one consumer, e.g. a population's initial state.
/// Each consumer derives its own seed with <see cref="Derive"/>, so results do not depend on the order in
/// which consumers draw.
/// </summary>
/// <remarks>Steele, Lea &amp; Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA.</remarks>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts a stream at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A seed for the stream named by (seed, stream): independent streams for independent consumers.</summary>
    public static ulong Derive(ulong seed, ulong stream) => CounterRng.Next(seed, stream, 0x5EED);

    /// <summary>The stream's next 64-bit word.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return CounterRng.Mix(_state);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextUniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A standard normal deviate (Box-Muller; one of the pair is discarded to keep the stream
    /// simple).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Stable string hash (FNV-1a) for naming streams by population name, independent of process.</summary>
    public static ulong StreamId(string name)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in name)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }
}
