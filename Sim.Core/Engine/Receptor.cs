namespace NeuroSim.Core.Engine;

/// <summary>Which synaptic variable of the target a projection feeds: the excitatory or the inhibitory one.</summary>
/// <remarks>The sign of the effect comes from the weight (CUBA's inhibitory weight is -9 mV), not the receptor;
/// the receptor chooses the time constant the jump decays with.</remarks>
public enum Receptor
{
    /// <summary>The excitatory synaptic variable (time constant tau_e).</summary>
    Excitatory = 0,

    /// <summary>The inhibitory synaptic variable (time constant tau_i).</summary>
    Inhibitory = 1,
}
