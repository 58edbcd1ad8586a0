using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Random;

namespace NeuroSim.Encoders.Sources;

/// <summary>
/// A population of independent Poisson spike sources (network-file kind <c>poisson</c>, parameter
/// <c>rate</c> in Hz), sampled on the simulation grid.
/// </summary>
/// <remarks>
/// Each neuron fires in a step with probability p = rate·dt (a Bernoulli approximation of a Poisson process,
/// exact in the limit rate·dt → 0; counts over T have mean n·p and variance n·p·(1 − p) for n = T/dt steps).
/// rate = 0 never fires; rate = 1/dt fires every step; a rate above 1/dt is rejected.
/// The draw for (step, neuron) is a counter-based random number keyed by (seed, population name, step,
/// neuron) (<see cref="CounterRng"/>), so the spikes do not depend on the thread count or block layout.
/// </remarks>
public sealed class PoissonSourcePopulation : ISpikingPopulation
{
    private readonly double[] _rateHz;
    private readonly double[] _probability;
    private readonly ulong _seed;
    private readonly ulong _stream;

    /// <summary>Creates <paramref name="size"/> sources firing at <paramref name="rateHz"/> each.</summary>
    public PoissonSourcePopulation(string name, int size, double rateHz, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!(rateHz >= 0) || double.IsInfinity(rateHz))
        {
            throw new ArgumentException($"{name}: rate must be >= 0 Hz (got {rateHz} Hz)", "rate");
        }

        Name = name;
        Size = size;
        _rateHz = new double[size];
        Array.Fill(_rateHz, rateHz);
        _probability = new double[size];
        _seed = seed;
        _stream = SplitMix64.StreamId(name);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public bool AcceptsInput => false;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => [];

    /// <summary>Per-neuron rates (Hz); change them before <see cref="Prepare"/>.</summary>
    public Span<double> Rates => _rateHz;

    /// <inheritdoc/>
    public float[] Variable(string name) =>
        throw new ArgumentException($"{Name}: a poisson source has no state variable '{name}'", nameof(name));

    /// <inheritdoc/>
    public void Prepare(double dt)
    {
        for (int i = 0; i < Size; i++)
        {
            double p = _rateHz[i] * dt / 1000.0;
            if (p > 1.0 + 1e-12)
            {
                throw new ArgumentException(
                    $"{Name}: rate must be <= 1/dt = {1000.0 / dt} Hz (got {_rateHz[i]} Hz)", "rate");
            }

            _probability[i] = p;
        }
    }

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) =>
        throw new InvalidOperationException($"{Name}: a source takes no synaptic input");

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        for (int i = start; i < end; i++)
        {
            double p = _probability[i];
            if (p > 0 && CounterRng.Uniform(_seed, _stream, CounterRng.StepNeuronCounter(step, i)) < p)
            {
                spikes.Add(i);
            }
        }
    }
}
