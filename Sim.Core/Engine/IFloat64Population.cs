namespace NeuroSim.Core.Engine;

/// <summary>
/// A population that keeps its state in float64 (<c>"precision": "float64"</c>): the clock engine gives it a
/// float64 <see cref="DeliveryRing{T}"/> instead of a float32 one and advances it with
/// <see cref="Advance(long, int, int, DueJumps{double}, SpikeBuffer)"/>. The step contract is
/// <see cref="ISpikingPopulation"/>'s. The float32 members that hand out live state
/// (<see cref="ISpikingPopulation.Variable"/>, <see cref="ISpikingPopulation.SynapticVariable"/>) throw
/// <see cref="NotSupportedException"/>; <see cref="Variable64"/> replaces them.
/// </summary>
public interface IFloat64Population : ISpikingPopulation
{
    /// <summary>The live array of one state variable (never copied), for recorders and initial values.</summary>
    double[] Variable64(string name);

    /// <summary>The live synaptic variable a receptor's jump sums are added to (mV, one per neuron).</summary>
    Span<double> SynapticVariable64(Network.Receptor receptor);

    /// <summary>Advances neurons [<paramref name="start"/>, <paramref name="end"/>) over step
    /// <paramref name="step"/>, after consuming <paramref name="due"/> (the jumps due now for exactly those
    /// neurons).</summary>
    void Advance(long step, int start, int end, DueJumps<double> due, SpikeBuffer spikes);
}
