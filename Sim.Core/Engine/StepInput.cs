namespace NeuroSim.Core.Engine;

/// <summary>
/// The synaptic input due in the current step for a whole target population: the ring-buffer slot of each
/// receptor, indexed by neuron. A population adds these jumps to its synaptic variables and then zeroes the
/// slot, so the slot is ready for the step one ring length later.
/// </summary>
public readonly ref struct StepInput
{
    /// <summary>Wraps the due slots of both receptors.</summary>
    public StepInput(Span<float> excitatory, Span<float> inhibitory)
    {
        Excitatory = excitatory;
        Inhibitory = inhibitory;
    }

    /// <summary>Jumps of the excitatory synaptic variable (mV-equivalent), one per neuron.</summary>
    public Span<float> Excitatory { get; }

    /// <summary>Jumps of the inhibitory synaptic variable (mV-equivalent), one per neuron.</summary>
    public Span<float> Inhibitory { get; }

    /// <summary>No input: for source populations, which receive none.</summary>
    public static StepInput None => default;
}
