namespace NeuroSim.Core.Engine;

/// <summary>Sees every population's spikes at the end of each step (recorders, statistics). Called on the
/// engine's thread; an observer must not keep the span.</summary>
public interface ISpikeObserver
{
    /// <summary>The spikes of population <paramref name="population"/> found in step <paramref name="step"/>
    /// (ascending neuron indices; called only when there is at least one).</summary>
    void OnSpikes(long step, int population, ReadOnlySpan<int> neurons);

    /// <summary>Called after every step, spikes or not (state samplers use it).</summary>
    void OnStepEnd(long step);
}
