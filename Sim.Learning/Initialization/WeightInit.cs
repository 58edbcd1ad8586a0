namespace NeuroSim.Learning.Initialization;

/// <summary>Initial weight distributions for a dense n_out × n_in matrix (n_in = fan-in).</summary>
public enum WeightInit
{
    /// <summary>"he_uniform": U(−√(6/n_in), √(6/n_in)) (He et al. 2015), the GRAPES reference setup.</summary>
    HeUniform,

    /// <summary>"xavier_uniform": U(−a, a), a = √(6/(n_in + n_out)) (Glorot and Bengio 2010).</summary>
    XavierUniform,

    /// <summary>"uniform_fan_in": U(−1/√n_in, 1/√n_in) (PyTorch's default for Linear).</summary>
    UniformFanIn,
}
