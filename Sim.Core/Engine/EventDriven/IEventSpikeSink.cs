namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>Receives every spike of an event-driven run, in time order.</summary>
public interface IEventSpikeSink
{
    /// <summary>Neuron <paramref name="neuron"/> of population <paramref name="population"/> fired at
    /// <paramref name="time"/> ms (in grid timing: the start of the step that contains the crossing).</summary>
    void OnSpike(int population, int neuron, double time);
}
