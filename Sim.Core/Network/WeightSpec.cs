using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// A projection's "weight". Values are in the canonical unit of <see cref="Dimension"/>: mV (a jump of the
/// target's synaptic variable, Brian2's CUBA form), pA (a jump of the synaptic current, NEST's form; the
/// synapse store converts it to mV with R = tau_m / c_m of the target), or dimensionless (ANN weights).
/// </summary>
/// <param name="Kind">Constant, normal, uniform or init scheme.</param>
/// <param name="Dimension">Voltage, Current or Dimensionless.</param>
/// <param name="A">Constant value, normal mean, or uniform low bound.</param>
/// <param name="B">Normal standard deviation or uniform high bound.</param>
/// <param name="Scheme">Init scheme name for <see cref="WeightKind.Init"/> (else null).</param>
public sealed record WeightSpec(WeightKind Kind, Dimension Dimension, double A, double B = 0, string? Scheme = null)
{
    /// <summary>Init scheme names accepted by { "init": ... }.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["he_uniform", "xavier_uniform", "uniform_fan_in"];
}
