using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>A state variable of a neuron kind that may be initialised ("init") and recorded ("state").</summary>
public sealed record StateVariable(string Name, Dimension Dimension, string Description = "");
