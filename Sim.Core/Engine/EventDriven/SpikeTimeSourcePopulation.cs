using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// A source population that fires at given times (a spike-time input file, <see cref="SpikeTimeFile"/>). The
/// event-driven engine uses the times exactly; the clock engine emits neuron i in the step [t_n, t_n + dt) that
/// contains each of its times (so on-grid times give the same spikes in both engines).
/// Cost per clock step: the spikes of that step only (one cursor over all spikes sorted by time).
/// </summary>
public sealed class SpikeTimeSourcePopulation : ISpikingPopulation
{
    private readonly double[] _allTimes;
    private readonly int[] _allNeurons;
    private int _cursor;
    private double _dt = double.NaN;
    private (long Step, int Neuron)[] _bySteps = [];

    /// <summary>Creates the source: neuron i fires at <paramref name="times"/>[i] (ms, ascending).</summary>
    public SpikeTimeSourcePopulation(string name, double[][] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        Name = name;
        Times = times;
        var all = new List<(double, int)>();
        for (int i = 0; i < times.Length; i++)
        {
            for (int k = 0; k < times[i].Length; k++)
            {
                if (!(times[i][k] >= 0) || (k > 0 && !(times[i][k] >= times[i][k - 1])))
                    throw new ArgumentException(
                        $"{name}: spike times of neuron {i} must be >= 0 ms and ascending (got {times[i][k]} ms)");
                all.Add((times[i][k], i));
            }
        }

        all.Sort();
        _allTimes = all.Select(a => a.Item1).ToArray();
        _allNeurons = all.Select(a => a.Item2).ToArray();
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Spike times per neuron (ms, ascending).</summary>
    public double[][] Times { get; }

    /// <inheritdoc/>
    public int Size => Times.Length;

    /// <inheritdoc/>
    public bool AcceptsInput => false;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => [];

    /// <inheritdoc/>
    public float[] Variable(string name) =>
        throw new ArgumentException($"{Name}: a spike-time source has no state variable '{name}'", nameof(name));

    /// <inheritdoc/>
    public void Prepare(double dt)
    {
        _dt = dt;
        _bySteps = new (long, int)[_allTimes.Length];
        for (int k = 0; k < _allTimes.Length; k++)
            _bySteps[k] = (GridStep.Containing(_allTimes[k], dt), _allNeurons[k]);

        // Within one step the engine wants ascending neuron indices.
        Array.Sort(_bySteps);
        _cursor = 0;
    }

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) =>
        throw new InvalidOperationException($"{Name}: a spike-time source takes no synaptic input");

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (double.IsNaN(_dt))
            throw new InvalidOperationException($"{Name}: Prepare(dt) must run before the first step");

        while (_cursor < _bySteps.Length && _bySteps[_cursor].Step < step)
            _cursor++;
        int previous = -1;
        for (int k = _cursor; k < _bySteps.Length && _bySteps[k].Step == step; k++)
        {
            int i = _bySteps[k].Neuron;
            if (i >= start && i < end && i != previous)
                spikes.Add(i);
            previous = i;
        }
    }
}
