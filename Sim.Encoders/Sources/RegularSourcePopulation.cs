using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Encoders.Sources;

/// <summary>
/// A population of regular (clock-like) spike sources (network-file kind <c>regular</c>): every neuron fires at
/// t_k = start + k/rate, k = 0, 1, 2, ..., each spike placed in the step that contains it;
/// rate = 0 never fires.
/// </summary>
/// <remarks>
/// Spike k lies in step floor(start/dt + k·P + 1e-9), P = 1/(rate·dt) steps; a step fires when the count of such
/// k up to it grows. Counts come from k (an integer) rather than from an accumulated floating-point clock, so no
/// drift builds up over long runs; the 1e-9 step guard puts a spike that lands on a grid point into the step that
/// begins there. Deterministic and seed-free.
/// </remarks>
public sealed class RegularSourcePopulation : ISpikingPopulation
{
    private readonly double _rateHz;
    private readonly double _startMs;
    private double _periodSteps;
    private double _startSteps;

    /// <summary>Creates <paramref name="size"/> sources firing in step at <paramref name="rateHz"/>, from
    /// <paramref name="startMs"/> on.</summary>
    public RegularSourcePopulation(string name, int size, double rateHz, double startMs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!(rateHz >= 0) || double.IsInfinity(rateHz))
        {
            throw new ArgumentException($"{name}: rate must be >= 0 Hz (got {rateHz} Hz)", "rate");
        }

        if (!(startMs >= 0) || double.IsInfinity(startMs))
        {
            throw new ArgumentException($"{name}: start must be >= 0 ms (got {startMs} ms)", "start");
        }

        Name = name;
        Size = size;
        _rateHz = rateHz;
        _startMs = startMs;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public bool AcceptsInput => false;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => [];

    /// <inheritdoc/>
    public float[] Variable(string name) =>
        throw new ArgumentException($"{Name}: a regular source has no state variable '{name}'", nameof(name));

    /// <inheritdoc/>
    public void Prepare(double dt)
    {
        if (_rateHz * dt / 1000.0 > 1.0 + 1e-12)
        {
            throw new ArgumentException($"{Name}: rate must be <= 1/dt = {1000.0 / dt} Hz (got {_rateHz} Hz)", "rate");
        }

        _periodSteps = _rateHz > 0 ? 1000.0 / (_rateHz * dt) : double.PositiveInfinity;
        _startSteps = _startMs / dt;
    }

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) =>
        throw new InvalidOperationException($"{Name}: a source takes no synaptic input");

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (SpikesUpTo(step) == SpikesUpTo(step - 1))
        {
            return;
        }

        for (int i = start; i < end; i++)
        {
            spikes.Add(i);
        }
    }

    /// <summary>How many spikes fall in steps 0..<paramref name="step"/>: the k with start/dt + k·P + 1e-9 &lt;
    /// step + 1. Stateless, so blocks on different threads agree without sharing a schedule.</summary>
    private double SpikesUpTo(long step)
    {
        if (double.IsInfinity(_periodSteps))
        {
            return 0;
        }

        return Math.Max(0.0, Math.Ceiling((step + 1 - _startSteps - 1e-9) / _periodSteps));
    }
}
