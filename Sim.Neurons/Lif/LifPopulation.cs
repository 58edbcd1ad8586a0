using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// A population of current-based LIF neurons (<see cref="LifParameters"/>), state held as struct-of-arrays
/// (float32, as the synapse store's weights are) and advanced with the exact propagator (<see cref="LifPropagator"/>).
/// The step and its refractory semantics are <see cref="LifPopulationBase{T}"/>'s.
/// </summary>
public sealed class LifPopulation : LifPopulationBase<float>, ISpikingPopulation
{
    /// <summary>Creates <paramref name="size"/> neurons at rest (V = E_l, g = 0, not refractory).</summary>
    public LifPopulation(string name, int size, LifParameters parameters)
        : base(name, size, parameters)
    {
    }

    /// <inheritdoc/>
    public float[] Variable(string name) => StateArray(name);

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) => Synaptic(receptor);

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes) =>
        StepBlock(step, start, end, due, spikes);
}
