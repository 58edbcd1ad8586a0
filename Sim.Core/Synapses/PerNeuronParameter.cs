namespace NeuroSim.Core.Synapses;

/// <summary>
/// Per-neuron values of one parameter of one population, kept in the <see cref="SynapseStore"/> beside the
/// weights because training changed them (e.g. the thresholds θ of spiking layers trained with
/// <c>train_threshold</c>). Where present they replace the network file's single value of that parameter for
/// every neuron; the values are in the parameter's canonical units (dimensionless for the trainable kinds).
/// </summary>
/// <param name="Population">Name of the population in the network definition.</param>
/// <param name="Name">A parameter the population's kind declares (e.g. "threshold").</param>
/// <param name="Values">One value per neuron of the population (the live array, not copied).</param>
public sealed record PerNeuronParameter(string Population, string Name, float[] Values);
