using NeuroSim.Learning.Spiking;

namespace NeuroSim.Learning.Conversion;

/// <summary>The spiking twin of an ANN and the activation scales λ_l that set its thresholds.</summary>
/// <param name="Network">IF layers over the ANN's weight arrays.</param>
/// <param name="Scales">λ_l per layer (percentile of positive activations).</param>
public sealed record ConvertedNetwork(SpikingNetwork Network, IReadOnlyList<double> Scales);
