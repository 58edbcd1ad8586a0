namespace NeuroSim.Tests.Core.Serialization;

/// <summary>
/// The values the committed fixture files were written with: weights and biases from closed formulas (exact in
/// float32, independent of any random generator), and the connectivity figures of the random projection.
/// </summary>
internal static class Fixtures
{
    /// <summary>Synapse count of projection "ba" (fixed_probability) in the fixture, as written.</summary>
    public const int BaSynapses = 29;

    /// <summary>Sum of the target indices of projection "ba" in the fixture, as written.</summary>
    public const int BaPostSum = 145;

    /// <summary>Weight k of projection <paramref name="projection"/>: multiples of 1/16, within ±11/16.</summary>
    public static float Weight(int projection, int k) => ((k * 7 + projection * 3) % 23 - 11) / 16f;

    /// <summary>Bias j: multiples of 1/32 from -0.5.</summary>
    public static float Bias(int j) => j / 32f - 0.5f;
}
