namespace NeuroSim.Learning.Initialization;

/// <summary>Fills weight matrices from a <see cref="WeightInit"/> distribution with a seeded generator.</summary>
public static class WeightInitializer
{
    /// <summary>The half-width a of the uniform distribution U(−a, a) for the scheme and shape.</summary>
    public static double Bound(WeightInit init, int fanIn, int fanOut) => init switch
    {
        WeightInit.HeUniform => Math.Sqrt(6.0 / fanIn),
        WeightInit.XavierUniform => Math.Sqrt(6.0 / (fanIn + fanOut)),
        WeightInit.UniformFanIn => 1.0 / Math.Sqrt(fanIn),
        _ => throw new ArgumentOutOfRangeException(nameof(init)),
    };

    /// <summary>Parses a network-file name ("he_uniform", "xavier_uniform", "uniform_fan_in").</summary>
    public static WeightInit? Parse(string name) => name switch
    {
        "he_uniform" => WeightInit.HeUniform,
        "xavier_uniform" => WeightInit.XavierUniform,
        "uniform_fan_in" => WeightInit.UniformFanIn,
        _ => null,
    };

    /// <summary>Fills <paramref name="weights"/> (fanOut × fanIn, row-major) with U(−a, a).</summary>
    public static void Fill(WeightInit init, Span<float> weights, int fanIn, int fanOut, TrainingRandom random)
    {
        if (weights.Length != fanIn * fanOut)
        {
            throw new ArgumentException($"{weights.Length} weights for a {fanOut} x {fanIn} matrix");
        }

        double a = Bound(init, fanIn, fanOut);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((2.0 * random.NextDouble() - 1.0) * a);
        }
    }
}
