namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// Arctan surrogate (Fang et al., ICCV 2021): σ'(x) = (α/2) / (1 + (π·α·x/2)²),
/// primitive 1/2 + arctan(π·α·x/2)/π.
/// </summary>
public sealed class ArctanSurrogate : Surrogate
{
    /// <summary>Creates the surrogate with steepness α (default 2).</summary>
    public ArctanSurrogate(float alpha = 2f) => Scale = CheckScale(alpha, "arctan alpha");

    /// <inheritdoc />
    public override string Name => "arctan";

    /// <inheritdoc />
    public override float Scale { get; }

    /// <inheritdoc />
    public override float Derivative(float x)
    {
        float z = MathF.PI * Scale * x / 2f;
        return Scale / 2f / (1f + z * z);
    }

    /// <inheritdoc />
    public override float Primitive(float x) => 0.5f + MathF.Atan(MathF.PI * Scale * x / 2f) / MathF.PI;
}
