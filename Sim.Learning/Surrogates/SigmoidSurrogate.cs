namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// Logistic sigmoid surrogate: primitive σ(k·x) = 1 / (1 + e^(−k·x)), derivative k·σ(k·x)·(1 − σ(k·x)).
/// Its primitive is the soft spike of the sSNU (k = 1) and the smooth forward of the BPTT gradient check.
/// </summary>
public sealed class SigmoidSurrogate : Surrogate
{
    /// <summary>Creates the surrogate with steepness k (default 1).</summary>
    public SigmoidSurrogate(float steepness = 1f) => Scale = CheckScale(steepness, "sigmoid steepness");

    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override float Scale { get; }

    /// <inheritdoc />
    public override float Derivative(float x)
    {
        float s = Primitive(x);
        return Scale * s * (1f - s);
    }

    /// <inheritdoc />
    public override float Primitive(float x)
    {
        // Two branches so that exp never overflows: e^(−|z|) ≤ 1.
        float z = Scale * x;
        if (z >= 0f)
        {
            return 1f / (1f + MathF.Exp(-z));
        }

        float e = MathF.Exp(z);
        return e / (1f + e);
    }
}
