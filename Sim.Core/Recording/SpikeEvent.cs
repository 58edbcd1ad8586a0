namespace NeuroSim.Core.Recording;

/// <summary>One recorded spike: the step it was found in (its time is Step × dt), the population index in the
/// network and the neuron index in the population.</summary>
public readonly record struct SpikeEvent(long Step, int Population, int Neuron);
