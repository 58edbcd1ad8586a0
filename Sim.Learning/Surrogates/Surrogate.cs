namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// A surrogate gradient for the spike nonlinearity y = H(x), x = v − θ: the backward pass uses
/// <see cref="Derivative(float)"/> in place of the Dirac delta H'(x).
/// </summary>
/// <remarks>
/// Each surrogate also exposes <see cref="Primitive(float)"/>, a smooth function whose exact derivative is
/// <see cref="Derivative(float)"/>; a layer run with that smooth forward has exact gradients (used by the
/// gradient check and by soft neurons). Every implementation is finite for any finite or infinite input
/// (derivative → 0 for |x| → ∞, never NaN or overflow); NaN input gives NaN.
/// </remarks>
public abstract class Surrogate
{
    /// <summary>Name used in network files ("fast_sigmoid", "tanh", "arctan", "triangle", "sigmoid").</summary>
    public abstract string Name { get; }

    /// <summary>Steepness (or width, for the triangle) parameter.</summary>
    public abstract float Scale { get; }

    /// <summary>The surrogate derivative at x.</summary>
    public abstract float Derivative(float x);

    /// <summary>A smooth function whose derivative is <see cref="Derivative(float)"/>.</summary>
    public abstract float Primitive(float x);

    /// <summary>Elementwise <see cref="Derivative(float)"/> of x into destination (same length).</summary>
    public virtual void Derivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("destination is shorter than x", nameof(destination));
        }

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Derivative(x[i]);
        }
    }

    /// <summary>Checks a scale parameter.</summary>
    protected static float CheckScale(float scale, string what)
    {
        if (!(scale > 0f) || float.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), $"{what} must be a finite number > 0 (got {scale})");
        }

        return scale;
    }
}
