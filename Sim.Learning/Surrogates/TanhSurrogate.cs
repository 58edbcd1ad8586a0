namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// Tanh-derivative surrogate, as used for SNUs (Woźniak et al., Nature Machine Intelligence 2, 2020):
/// σ'(x) = k · (1 − tanh²(k·x)), primitive tanh(k·x); k = 1 is the paper's d/dx tanh(x).
/// </summary>
public sealed class TanhSurrogate : Surrogate
{
    /// <summary>Creates the surrogate with steepness k (default 1).</summary>
    public TanhSurrogate(float steepness = 1f) => Scale = CheckScale(steepness, "tanh steepness");

    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override float Scale { get; }

    /// <inheritdoc />
    public override float Derivative(float x)
    {
        float t = MathF.Tanh(Scale * x);
        return Scale * (1f - t * t);
    }

    /// <inheritdoc />
    public override float Primitive(float x) => MathF.Tanh(Scale * x);
}
