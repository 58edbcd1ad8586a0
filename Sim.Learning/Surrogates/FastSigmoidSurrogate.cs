using System.Runtime.Intrinsics;

namespace NeuroSim.Learning.Surrogates;

/// <summary>
/// Fast sigmoid surrogate (Zenke and Ganguli, "SuperSpike", Neural Computation 30, 2018):
/// σ'(x) = 1 / (1 + k|x|)², primitive x / (1 + k|x|).
/// </summary>
public sealed class FastSigmoidSurrogate : Surrogate
{
    /// <summary>Creates the surrogate with slope k (default 25, as in snnTorch).</summary>
    public FastSigmoidSurrogate(float slope = 25f) => Scale = CheckScale(slope, "fast sigmoid slope");

    /// <inheritdoc />
    public override string Name => "fast_sigmoid";

    /// <inheritdoc />
    public override float Scale { get; }

    /// <inheritdoc />
    public override float Derivative(float x)
    {
        float d = 1f + Scale * MathF.Abs(x);
        return 1f / (d * d);
    }

    /// <inheritdoc />
    /// <remarks>Vectorised; each lane does the scalar overload's operations in the same order (same bits).</remarks>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("destination is shorter than x", nameof(destination));
        }

        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var k = Vector256.Create(Scale);
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var d = Vector256<float>.One + k * Vector256.Abs(Vector256.Create(x.Slice(i, Vector256<float>.Count)));
                (Vector256<float>.One / (d * d)).CopyTo(destination.Slice(i, Vector256<float>.Count));
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] = Derivative(x[i]);
        }
    }

    /// <inheritdoc />
    public override float Primitive(float x)
    {
        // sign(x)/k · (1 − 1/(1 + k|x|)) equals x/(1 + k|x|) and stays finite when k|x| overflows.
        float d = 1f + Scale * MathF.Abs(x);
        return MathF.CopySign(1f / Scale, x) * (1f - 1f / d);
    }
}
