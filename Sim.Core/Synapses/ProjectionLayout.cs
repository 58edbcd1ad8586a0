namespace NeuroSim.Core.Synapses;

/// <summary>How a projection's synapses are laid out in memory.</summary>
public enum ProjectionLayout
{
    /// <summary>
    /// Every (post, pre) pair exists: <see cref="Projection.Weight"/> is row-major [post, pre], index
    /// post · PreCount + pre (the math's W[n, m], like torch's Linear.weight).
    /// </summary>
    Dense,

    /// <summary>
    /// Compressed rows by presynaptic neuron: the synapses of pre are indices
    /// RowStart[pre] .. RowStart[pre + 1] - 1 of <see cref="Projection.Post"/>, Weight and Delay.
    /// </summary>
    Sparse,
}
