namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// Triangle (piecewise-linear) surrogate (Esser et al., PNAS 113, 2016; Bellec et al., NeurIPS 2018):
/// σ'(x) = max(0, 1 − |x|/w) / w, of unit area; its primitive is the piecewise-quadratic ramp from 0 at −w to 1 at w.
/// </summary>
public sealed class TriangleSurrogate : Surrogate
{
    /// <summary>Creates the surrogate with half-width w (default 1).</summary>
    public TriangleSurrogate(float width = 1f) => Scale = CheckScale(width, "triangle width");

    /// <inheritdoc />
    public override string Name => "triangle";

    /// <inheritdoc />
    public override float Scale { get; }

    /// <inheritdoc />
    public override float Derivative(float x)
    {
        float a = MathF.Abs(x);
        return a >= Scale ? 0f : (1f - a / Scale) / Scale;
    }

    /// <inheritdoc />
    public override float Primitive(float x)
    {
        float w = Scale;
        if (x <= -w)
        {
            return 0f;
        }

        if (x >= w)
        {
            return 1f;
        }

        float r = (w - MathF.Abs(x)) / w;
        float half = 0.5f * r * r;
        return x < 0 ? half : 1f - half;
    }
}
