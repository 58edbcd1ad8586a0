namespace NeuroSim.Core.Network;

/// <summary>How a projection's weights are set.</summary>
public enum WeightKind
{
    /// <summary>Every synapse has <see cref="WeightSpec.A"/>.</summary>
    Constant,

    /// <summary>Normal(mean A, standard deviation B).</summary>
    Normal,

    /// <summary>Uniform in [A, B).</summary>
    Uniform,

    /// <summary>A named initialisation scheme (he_uniform, xavier_uniform, uniform_fan_in); dimensionless.</summary>
    Init,
}
