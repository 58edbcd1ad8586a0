using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// A population the clock-driven engine advances step by step: a neuron model (LIF) or a spike source
/// (Poisson, regular). The engine knows models only through this interface; each project registers a
/// factory for its kinds.
/// </summary>
/// <remarks>
/// Contract of one step n (covering [t_n, t_n + dt), t_n = n·dt): <see cref="Advance(long, int, int, DueJumps{float},
/// SpikeBuffer)"/> first consumes the synaptic jumps due at t_n (adds them to the arrays of
/// <see cref="SynapticVariable"/> and zeroes them), then integrates the state to t_n + dt, applies threshold and
/// reset, and appends the spiking neurons in ascending order. A spike found
/// in step n carries the time t_n (Brian2's
/// convention: the step that contains the threshold crossing). Neurons are independent within a step, so
/// the engine may advance disjoint index ranges on different threads with bit-identical results.
/// </remarks>
public interface ISpikingPopulation
{
    /// <summary>The population's name in the network file.</summary>
    string Name { get; }

    /// <summary>Number of neurons.</summary>
    int Size { get; }

    /// <summary>Whether projections may target this population (sources take no input).</summary>
    bool AcceptsInput { get; }

    /// <summary>Names of the state variables a state recorder may sample (e.g. v, ge, gi).</summary>
    IReadOnlyList<string> Variables { get; }

    /// <summary>The live array of one state variable, for sampling by a recorder (never copied).</summary>
    float[] Variable(string name);

    /// <summary>
    /// Computes every per-step factor for the time step <paramref name="dt"/> (ms) once, before the first step.
    /// Throws <see cref="ArgumentException"/> naming the parameter when dt does not suit the parameters.
    /// </summary>
    void Prepare(double dt);

    /// <summary>The live synaptic variable a receptor's jumps are added to (mV-equivalent, one per neuron);
    /// only called when <see cref="AcceptsInput"/>.</summary>
    Span<float> SynapticVariable(Receptor receptor);

    /// <summary>Advances neurons [<paramref name="start"/>, <paramref name="end"/>) over step
    /// <paramref name="step"/>, after consuming <paramref name="due"/> (the jumps due now for exactly those
    /// neurons; empty for populations that take no input).</summary>
    void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes);
}
