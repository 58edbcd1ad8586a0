namespace NeuroSim.Core.Network;

/// <summary>A range rule on one neuron parameter, checked in its canonical unit.</summary>
public enum ParamRule
{
    /// <summary>Any finite value.</summary>
    Any,

    /// <summary>Strictly greater than zero ("must be > 0 ms").</summary>
    Positive,

    /// <summary>Zero or more.</summary>
    NonNegative,
}
