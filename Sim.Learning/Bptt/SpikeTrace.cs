namespace NeuroSim.Learning.Bptt;

/// <summary>One sample's activity through a spiking network, each raster [T, n] time-major.</summary>
/// <param name="Steps">T.</param>
/// <param name="Input">Encoded input spikes.</param>
/// <param name="Outputs">Outputs (spikes) of each layer, input side first.</param>
/// <param name="Membranes">Membrane potential (SNU: state) of each layer after each step.</param>
public sealed record SpikeTrace(int Steps, float[] Input, IReadOnlyList<float[]> Outputs,
    IReadOnlyList<float[]> Membranes);
