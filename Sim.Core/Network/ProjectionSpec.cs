using System.Text.Json.Nodes;

namespace NeuroSim.Core.Network;

/// <summary>
/// One entry of "projections": synapses from population <see cref="Source"/> to <see cref="Target"/>.
/// </summary>
/// <param name="Index">Position in the file's projections array.</param>
/// <param name="Name">Unique name (default "SOURCE_TARGET", made unique with a suffix if needed).</param>
/// <param name="Source">Source population name.</param>
/// <param name="Target">Target population name.</param>
/// <param name="Receptor">Target synaptic variable (default excitatory).</param>
/// <param name="Connect">Connection rule and its settings.</param>
/// <param name="Weight">Weight setting (see <see cref="WeightSpec"/> for units).</param>
/// <param name="Bias">Whether the projection carries a bias vector (ANN projections only).</param>
/// <param name="Delay">Axonal delay in ms (default 0), the same for every synapse.</param>
/// <param name="Plasticity">The raw "plasticity" object (parsed by its owner), or null.</param>
public sealed record ProjectionSpec(int Index, string Name, string Source, string Target, Receptor Receptor,
    ConnectSpec Connect, WeightSpec Weight, bool Bias, double Delay, JsonObject? Plasticity)
{
    /// <summary>The "rule" string of <see cref="Plasticity"/>, or null when there is no plasticity.</summary>
    public string? PlasticityRule => Plasticity?["rule"]?.GetValue<string>();
}
