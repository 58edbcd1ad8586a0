namespace NeuroSim.Core.Network;

/// <summary>Which synaptic variable of the target a projection drives ("receptor").</summary>
public enum Receptor
{
    /// <summary>Excitatory variable (time constant tau_syn_e).</summary>
    Excitatory,

    /// <summary>Inhibitory variable (time constant tau_syn_i). The weight keeps its sign: write w_i = -9 mV.</summary>
    Inhibitory,
}
