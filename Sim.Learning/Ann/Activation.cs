namespace NeuroSim.Learning.Ann;

/// <summary>
/// The activation h = f(a) of a rate (ANN) population, named in the network file by the population's kind.
/// </summary>
public enum Activation
{
    /// <summary>f(a) = a (kind "linear"; the readout before softmax).</summary>
    Linear,

    /// <summary>f(a) = max(0, a); f'(a) = 1 for a &gt; 0, else 0 (kind "relu").</summary>
    Relu,

    /// <summary>f(a) = a for a &gt; 0, else 0.01·a (kind "leaky_relu", PyTorch's default slope).</summary>
    LeakyRelu,

    /// <summary>f(a) = tanh(a); f'(a) = 1 − h² (kind "tanh").</summary>
    Tanh,

    /// <summary>f(a) = 1 / (1 + e^(−a)); f'(a) = h·(1 − h) (kind "sigmoid").</summary>
    Sigmoid,
}
