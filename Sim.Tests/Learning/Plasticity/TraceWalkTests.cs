using System.Runtime.InteropServices;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// The vectorised trace walks (four synapses at a time where AVX2 is there) against a plain scalar loop written
/// here: the same weights bit for bit, over runs of every length mod 4, zero traces (weight left as it was, even
/// outside the bounds, a signalling NaN keeps its bits), weights at and beyond the bounds, −0, NaN and denormal
/// weights.
/// </summary>
public class TraceWalkTests
{
    private const int SignallingNaN = 0x7fa00001;

    private static int[] Bits(float[] w) => MemoryMarshal.Cast<float, int>(w).ToArray();

    private static float Reference(float w, double amount, double x, double wMin, double wMax) =>
        x != 0 ? (float)Math.Clamp(w + amount * x, wMin, wMax) : w;

    private static (float[] W, int[] Other, double[] Trace) Data(Random rng, int synapses, int others)
    {
        var w = new float[synapses];
        for (int k = 0; k < synapses; k++)
        {
            w[k] = (k % 13) switch
            {
                12 => float.Epsilon,
                0 => 0f,
                1 => 3.24f,
                2 => -0f,
                3 => float.NaN,
                4 => 5f,
                5 => -1f,
                _ => (float)(3.24 * rng.NextDouble()),
            };
        }

        // Signalling NaNs written as bits (BitConverter's float conversions may quiet them on the way).
        var bits = MemoryMarshal.Cast<float, int>(w.AsSpan());
        for (int k = 11; k < synapses; k += 13)
            bits[k] = SignallingNaN;

        var other = Enumerable.Range(0, synapses).Select(_ => rng.Next(others)).ToArray();
        var trace = Enumerable.Range(0, others).Select(i => i % 5 == 0 ? 0 : 3 * rng.NextDouble()).ToArray();
        return (w, other, trace);
    }

    [Fact]
    public void AdditiveInOrder_EveryRunLength_EqualsScalarLoopBitForBit()
    {
        var rng = new Random(3);
        var (w, other, trace) = Data(rng, 4000, 300);
        var expected = (float[])w.Clone();
        int start = 0;
        for (int len = 0; start + len <= w.Length; len = (len + 1) % 23)
        {
            double amount = rng.Next(2) == 0 ? 0.0162 : -0.017 * rng.NextDouble() * 40;
            TraceWalk.AdditiveInOrder(w, other, trace, start, start + len, amount, 0, 3.24);
            for (int k = start; k < start + len; k++)
                expected[k] = Reference(expected[k], amount, trace[other[k]], 0, 3.24);
            start += len;
        }

        Assert.Equal(Bits(expected), Bits(w));
        Assert.Contains(SignallingNaN, Bits(w));
    }

    [Fact]
    public void Additive_ScatteredSynapses_EqualsScalarLoopBitForBit()
    {
        var rng = new Random(4);
        var (w, other, trace) = Data(rng, 4000, 300);
        var synapse = Enumerable.Range(0, w.Length).OrderBy(_ => rng.Next()).ToArray();
        var expected = (float[])w.Clone();
        int start = 0;
        for (int len = 0; start + len <= w.Length; len = (len + 1) % 23)
        {
            double amount = rng.Next(2) == 0 ? 0.0162 : -0.017 * rng.NextDouble() * 40;
            TraceWalk.Additive(w, synapse, other, trace, start, start + len, amount, 0, 3.24);
            for (int k = start; k < start + len; k++)
                expected[synapse[k]] = Reference(expected[synapse[k]], amount, trace[other[k]], 0, 3.24);
            start += len;
        }

        Assert.Equal(Bits(expected), Bits(w));
        Assert.Contains(SignallingNaN, Bits(w));
        Assert.Contains(w, x => x > 3.24f);
    }
}
