namespace NeuroSim.Core.Random;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, stream, counter), so a value does not
/// depend on which thread computes it or in which order work is scheduled.
/// </summary>
/// <remarks>
/// The generator hashes the three 64-bit words through the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014,
/// "Fast splittable pseudorandom number generators", OOPSLA), chaining one word at a time. Streams name a
/// population (or any other consumer); counters typically pack a time step and a neuron index. The output
/// passes the usual uniformity checks for the sample sizes a simulation draws; it is not cryptographic.
/// </remarks>
public static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong StreamKey = 0xD1B54A32D192ED03UL;
    private const ulong CounterKey = 0x8CB92BA72F3D8DD7UL;

    /// <summary>A 64-bit random word for (seed, stream, counter).</summary>
    public static ulong Next(ulong seed, ulong stream, ulong counter)
    {
        ulong h = Mix(seed + Golden);
        h = Mix(h ^ (stream + StreamKey));
        return Mix(h ^ (counter + CounterKey));
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits, for (seed, stream, counter).</summary>
    public static double Uniform(ulong seed, ulong stream, ulong counter) =>
        (Next(seed, stream, counter) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Packs a time step and a neuron index into one counter (steps up to 2^40, neurons up to 2^24).</summary>
    public static ulong StepNeuronCounter(long step, int neuron) => ((ulong)step << 24) ^ (uint)neuron;

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit avalanche mix.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
