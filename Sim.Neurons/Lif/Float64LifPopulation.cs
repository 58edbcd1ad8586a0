using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// A population of current-based LIF neurons (<see cref="LifParameters"/>) whose state (V, g_e, g_i) and input
/// sums are float64 (<c>"precision": "float64"</c>): the step of <see cref="LifPopulation"/>, in double, so the
/// clock engine gives the event engine's spike trains exactly for grid-aligned input.
/// </summary>
/// <remarks>
/// <para>Same step, in the same order (<see cref="LifPopulationBase{T}"/>, <see cref="LifKernel{T}"/>), with the
/// factors the event engine's grid propagator uses for one step. What stays float32: V_t, V_r, V_inf, the initial
/// values and the weights.</para>
/// <para>State is handed out as double arrays (<see cref="Variable64"/>); the float32 accessors throw.</para>
/// </remarks>
public sealed class Float64LifPopulation : LifPopulationBase<double>, IFloat64Population
{
    /// <summary>Creates <paramref name="size"/> neurons at rest (V = E_l as float32, g = 0, not refractory).
    /// </summary>
    public Float64LifPopulation(string name, int size, LifParameters parameters)
        : base(name, size, parameters)
    {
    }

    /// <inheritdoc/>
    public double[] Variable64(string name) => StateArray(name);

    /// <summary>Not supported: the state is float64 (<see cref="Variable64"/>).</summary>
    public float[] Variable(string name) => throw new NotSupportedException(
        $"{Name}: the state is float64 (\"precision\": \"float64\"); read it with Variable64");

    /// <summary>Not supported: input arrives through the engine's float64 <see cref="DeliveryRing{T}"/>.</summary>
    public Span<float> SynapticVariable(Receptor receptor) => throw new NotSupportedException(
        $"{Name}: the state is float64; synaptic input arrives through a DeliveryRing<double>");

    /// <inheritdoc/>
    public Span<double> SynapticVariable64(Receptor receptor) => Synaptic(receptor);

    /// <summary>One step with no input (the float32 contract's entry; <paramref name="due"/> must be empty).
    /// </summary>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (!due.Excitatory.IsEmpty || !due.Inhibitory.IsEmpty)
        {
            throw new InvalidOperationException($"{Name}: float64 input arrives as DueJumps<double>");
        }

        StepBlock(step, start, end, default, spikes);
    }

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<double> due, SpikeBuffer spikes) =>
        StepBlock(step, start, end, due, spikes);
}
