namespace NeuroSim.Core.Network;

/// <summary>What role a neuron kind plays, which decides what may project to it and what weights it takes.</summary>
public enum NeuronFamily
{
    /// <summary>Spiking neuron with state and synaptic input (lif, snu, ...).</summary>
    Spiking,

    /// <summary>Spike source without synaptic input (poisson, regular).</summary>
    Source,

    /// <summary>Data input for ANN/SNN training: values are set from a data set, not computed.</summary>
    Input,

    /// <summary>Rate (ANN) unit applying an activation function to its weighted input.</summary>
    Activation,
}
