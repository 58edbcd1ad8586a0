using System.Numerics.Tensors;

namespace NeuroSim.Learning.Ann;

/// <summary>
/// Elementwise activation functions and their derivatives over spans (TensorPrimitives where it has the
/// operation). Derivatives are written from the forward value h where that is cheaper (tanh, sigmoid).
/// </summary>
public static class ActivationFunctions
{
    /// <summary>Slope of <see cref="Activation.LeakyRelu"/> for negative inputs.</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>Maps a population kind of the network file to its activation; null if it is not an ANN kind.</summary>
    public static Activation? FromKind(string kind) => kind switch
    {
        "linear" => Activation.Linear,
        "relu" => Activation.Relu,
        "leaky_relu" => Activation.LeakyRelu,
        "tanh" => Activation.Tanh,
        "sigmoid" => Activation.Sigmoid,
        _ => null,
    };

    /// <summary>The network-file kind string of an activation.</summary>
    public static string ToKind(Activation activation) => activation switch
    {
        Activation.Linear => "linear",
        Activation.Relu => "relu",
        Activation.LeakyRelu => "leaky_relu",
        Activation.Tanh => "tanh",
        Activation.Sigmoid => "sigmoid",
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>h = f(a), elementwise; <paramref name="h"/> may be the same span as <paramref name="a"/>.</summary>
    public static void Apply(Activation activation, ReadOnlySpan<float> a, Span<float> h)
    {
        switch (activation)
        {
            case Activation.Linear:
                a.CopyTo(h);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(a, 0f, h);
                break;
            case Activation.LeakyRelu:
                for (int i = 0; i < a.Length; i++)
                {
                    float x = a[i];
                    h[i] = x > 0f ? x : LeakySlope * x;
                }

                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(a, h);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(a, h);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }

    /// <summary>g ← g ⊙ f'(a), elementwise, given a and h = f(a).</summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<float> a, ReadOnlySpan<float> h,
        Span<float> g)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.Relu:
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] = a[i] > 0f ? g[i] : 0f;
                }

                break;
            case Activation.LeakyRelu:
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] = a[i] > 0f ? g[i] : LeakySlope * g[i];
                }

                break;
            case Activation.Tanh:
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] *= 1f - h[i] * h[i];
                }

                break;
            case Activation.Sigmoid:
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] *= h[i] * (1f - h[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }
}
