using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Declares one parameter of a neuron kind: its name in the file, dimension (so "20 ms" is checked to be a
/// time), default in canonical units, and range rule. A parameter with no default that is not
/// <paramref name="Required"/> is optional: it appears in <see cref="PopulationSpec.Params"/> only when given.
/// </summary>
public sealed record NeuronParameter(string Name, Dimension Dimension, double? Default, ParamRule Rule = ParamRule.Any,
    bool Required = false, string Description = "");
