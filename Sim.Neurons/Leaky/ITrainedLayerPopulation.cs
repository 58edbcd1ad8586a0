namespace NeuroSim.Neurons.Leaky;

/// <summary>
/// A clock-engine population that replays one layer of a network trained by BPTT (kinds <c>leaky</c> and
/// <c>snu</c>): it integrates only during its window of trainer steps and takes the trained per-neuron values
/// (bias, thresholds) that the synapse store holds.
/// </summary>
/// <remarks>
/// The engine delivers a spike found in step n at step n + 1, while the trainer passes spikes through every layer
/// within one step, so a layer at depth d (input 0) runs engine steps d .. d + T − 1, which are trainer steps
/// 0 .. T − 1. Outside that window the population neither integrates nor spikes and discards delivered input.
/// </remarks>
public interface ITrainedLayerPopulation
{
    /// <summary>First engine step at which the neurons integrate (the layer's depth; default 0).</summary>
    long StartStep { get; set; }

    /// <summary>Number of steps the neurons integrate from <see cref="StartStep"/> (default: unlimited).</summary>
    long ActiveSteps { get; set; }

    /// <summary>Bias b added to the input of every active step, or null (the store's projection bias).</summary>
    float[]? Bias { get; set; }

    /// <summary>Per-neuron thresholds θ (trained thresholds from the synapse store), or null for the population's
    /// single threshold; must hold one value per neuron.</summary>
    float[]? Thresholds { get; set; }
}
