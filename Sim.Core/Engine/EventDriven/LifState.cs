namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Sub-threshold state of one LIF neuron at one instant: membrane potential and the two synaptic variables,
/// all in mV (see <see cref="LifConstants"/> for the equations).
/// </summary>
/// <param name="V">Membrane potential (mV).</param>
/// <param name="XE">Excitatory synaptic variable x_e (mV).</param>
/// <param name="XI">Inhibitory synaptic variable x_i (mV).</param>
public readonly record struct LifState(double V, double XE, double XI);
