namespace NeuroSim.Learning.Spiking;

/// <summary>The neuron of a trainable spiking layer; equations in <see cref="SpikingLayer"/>.</summary>
public enum SpikingNeuronModel
{
    /// <summary>Leaky integrate-and-fire with decay β = exp(−dt/τ) and reset by subtraction or to zero.</summary>
    Lif,

    /// <summary>Spiking Neural Unit (Woźniak et al. 2020): ReLU state, reset to zero by the last spike, step
    /// output.</summary>
    Snu,

    /// <summary>Soft SNU: an SNU whose output is the sigmoid σ(s − θ) instead of a step.</summary>
    SoftSnu,
}
