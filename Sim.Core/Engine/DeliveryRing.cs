using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The input ring buffer of one target population: one slot per delivery step, each slot holding every
/// neuron's pending jump for each receptor.
/// </summary>
/// <remarks>
/// With the longest delay D steps into this population, spikes found in step n land in slots n + 1 .. n + 1 + D,
/// and step m reads slot m; a ring of D + 1 slots suffices because step n reads and zeroes its own slot before
/// any spike of step n is written (as NEST's ring buffers do).
/// </remarks>
public sealed class DeliveryRing
{
    private readonly float[] _excitatory;
    private readonly float[] _inhibitory;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to <paramref name="maxDelaySteps"/>.</summary>
    public DeliveryRing(int size, int maxDelaySteps)
    {
        Size = size;
        Length = maxDelaySteps + 1;
        _excitatory = new float[(long)Length * size];
        _inhibitory = new float[(long)Length * size];
    }

    /// <summary>Neurons per slot.</summary>
    public int Size { get; }

    /// <summary>Number of slots.</summary>
    public int Length { get; }

    /// <summary>The slot index for delivery step <paramref name="step"/>.</summary>
    public int SlotOf(long step) => (int)(step % Length);

    /// <summary>The receptor's whole array; slot s starts at s × <see cref="Size"/>.</summary>
    public float[] Buffer(Receptor receptor) => receptor == Receptor.Excitatory ? _excitatory : _inhibitory;

    /// <summary>The input due in <paramref name="step"/>, for both receptors.</summary>
    public StepInput Due(long step)
    {
        int offset = SlotOf(step) * Size;
        return new StepInput(_excitatory.AsSpan(offset, Size), _inhibitory.AsSpan(offset, Size));
    }
}
