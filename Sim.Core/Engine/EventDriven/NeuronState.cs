namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// One LIF neuron's state in the event-driven engine, kept together (64 bytes) so that touching a neuron on a
/// delivery costs one cache line rather than one per array.
/// </summary>
internal struct NeuronState
{
    /// <summary>Membrane potential (mV) at <see cref="TLast"/>.</summary>
    public double V;

    /// <summary>Excitatory synaptic variable (mV) at <see cref="TLast"/>.</summary>
    public double XE;

    /// <summary>Inhibitory synaptic variable (mV) at <see cref="TLast"/>.</summary>
    public double XI;

    /// <summary>Time of the last update (ms).</summary>
    public double TLast;

    /// <summary>End of the refractory period (ms); −∞ before the first spike.</summary>
    public double TFree;

    /// <summary>Grid timing: <see cref="TLast"/> as a step index.</summary>
    public long KLast;

    /// <summary>Grid timing: <see cref="TFree"/> as a step index.</summary>
    public long KFree;

    /// <summary>Bumped on every change; a queued prediction with another version is stale.</summary>
    public int Version;

    /// <summary>Whether the neuron waits for a new prediction at the end of the current instant.</summary>
    public bool Dirty;
}
