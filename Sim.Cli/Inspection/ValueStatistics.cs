namespace NeuroSim.Cli.Inspection;

/// <summary>Minimum, maximum, mean and standard deviation of an array, ignoring NaN (which are counted).</summary>
/// <param name="Count">Number of values that are not NaN.</param>
/// <param name="NaNCount">Number of NaN values.</param>
/// <param name="Min">Smallest value (NaN when Count is 0).</param>
/// <param name="Max">Largest value (NaN when Count is 0).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Population standard deviation, sqrt(Σ(x − mean)² / Count).</param>
internal sealed record ValueStatistics(long Count, long NaNCount, double Min, double Max, double Mean, double Std)
{
    /// <summary>Computes the statistics in double precision (two passes, so the variance stays accurate).</summary>
    public static ValueStatistics Of(ReadOnlySpan<float> values)
    {
        long count = 0, nan = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (float v in values)
        {
            if (float.IsNaN(v))
            {
                nan++;
                continue;
            }

            count++;
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (count == 0)
        {
            return new ValueStatistics(0, nan, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = sum / count, squares = 0;
        foreach (float v in values)
        {
            if (!float.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return new ValueStatistics(count, nan, min, max, mean, Math.Sqrt(squares / count));
    }
}
