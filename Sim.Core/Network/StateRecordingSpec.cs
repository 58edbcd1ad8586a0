namespace NeuroSim.Core.Network;

/// <summary>
/// One entry of "recording.state": sample <see cref="Variables"/> of some neurons of a population every
/// <see cref="Interval"/> ms.
/// </summary>
/// <param name="Population">Population name.</param>
/// <param name="Variables">State variable names (declared by the population's kind).</param>
/// <param name="Interval">Sampling interval in ms, a whole number of steps (default dt).</param>
/// <param name="Neurons">Neuron indices, or null for every neuron.</param>
public sealed record StateRecordingSpec(string Population, IReadOnlyList<string> Variables, double Interval,
    IReadOnlyList<int>? Neurons);
