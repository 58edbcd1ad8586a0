namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Constants of a current-based LIF neuron with two exponentially decaying synaptic variables, in the
/// "voltage-scaled" form used by the event-driven engine (Brian2's CUBA form):
/// <code>
///   τ_m dV/dt = −(V − E_L) + D + x_e + x_i        (below threshold, outside the refractory period)
///   τ_e dx_e/dt = −x_e,   τ_i dx_i/dt = −x_i        (a spike of weight w makes x jump by w)
/// </code>
/// V, E_L, D, x_e, x_i and the threshold are in mV; times in ms. A model written with currents
/// (C dV/dt = −(V − E_L)/R + I) maps onto this one with D = R·I_const and x = R·I_syn, R = τ_m / C.
/// </summary>
/// <param name="TauM">Membrane time constant τ_m (ms, &gt; 0).</param>
/// <param name="TauE">Excitatory synaptic time constant τ_e (ms, &gt; 0).</param>
/// <param name="TauI">Inhibitory synaptic time constant τ_i (ms, &gt; 0).</param>
/// <param name="RestingPotential">Leak reversal E_L (mV).</param>
/// <param name="Drive">Constant drive D = R·I_const (mV).</param>
/// <param name="Threshold">Spike threshold V_th (mV).</param>
public readonly record struct LifConstants(
    double TauM, double TauE, double TauI, double RestingPotential, double Drive, double Threshold)
{
    /// <summary>The potential the membrane relaxes to without synaptic input: E_L + D (mV).</summary>
    public double Asymptote => RestingPotential + Drive;
}
