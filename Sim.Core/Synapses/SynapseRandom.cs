using NeuroSim.Core.Random;

namespace NeuroSim.Core.Synapses;

/// <summary>
/// The random stream of one (seed, stream) pair while building synapses: each presynaptic row or purpose gets an
/// independent, reproducible stream whatever the build order. A <see cref="Xoshiro256StarStar"/> underneath.
/// </summary>
internal struct SynapseRandom
{
    private Xoshiro256StarStar _rng;

    public SynapseRandom(long seed, ulong stream) =>
        _rng = new Xoshiro256StarStar((ulong)seed ^ (stream * 0xD1B54A32D192ED03UL));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _rng.NextDouble();

    /// <summary>Uniform in (0, 1], safe for logarithms.</summary>
    public double NextOpenDouble() => 1.0 - NextDouble();

    /// <summary>Standard normal draw (Box–Muller; the second value is discarded for simplicity).</summary>
    public double NextNormal()
    {
        double u1 = NextOpenDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public ulong NextUInt64() => _rng.NextUInt64();
}
