namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// A population as the event-driven engine sees it: either LIF neurons (<see cref="LifConstants"/>, reset,
/// refractory period, initial potentials) or a spike-time source whose neurons fire at given times.
/// </summary>
public sealed class EventPopulation
{
    private EventPopulation(string name, int size)
    {
        Name = name;
        Size = size;
    }

    /// <summary>The population's name.</summary>
    public string Name { get; }

    /// <summary>Number of neurons.</summary>
    public int Size { get; }

    /// <summary>LIF constants (null for a source).</summary>
    public LifConstants? Lif { get; private init; }

    /// <summary>Reset potential V_r (mV).</summary>
    public double Reset { get; private init; }

    /// <summary>Refractory period t_ref (ms).</summary>
    public double Refractory { get; private init; }

    /// <summary>Initial membrane potential per neuron (mV).</summary>
    public double[] InitialV { get; private init; } = [];

    /// <summary>
    /// Per-neuron constant drive D (mV), overriding <see cref="LifConstants.Drive"/>; null when uniform.
    /// </summary>
    public double[]? Drive { get; private init; }

    /// <summary>A clock-stepped source (Poisson, regular): advanced once per grid step; null otherwise.</summary>
    public ISpikingPopulation? Stepped { get; private init; }

    /// <summary>Spike times per source neuron (ms, ascending); null for LIF.</summary>
    public double[][]? SpikeTimes { get; private init; }

    /// <summary>Whether this is a LIF population (takes input, fires by threshold).</summary>
    public bool IsLif => Lif is not null;

    /// <summary>A LIF population.</summary>
    public static EventPopulation LifNeurons(string name, LifConstants constants, double reset, double refractory,
        double[] initialV, double[]? drive = null)
    {
        ArgumentNullException.ThrowIfNull(initialV);
        if (drive is not null && drive.Length != initialV.Length)
            throw new ArgumentException($"{name}: one drive per neuron", nameof(drive));
        if (!(constants.TauM > 0 && constants.TauE > 0 && constants.TauI > 0))
            throw new ArgumentException($"{name}: time constants must be > 0 ms", nameof(constants));
        if (!(reset < constants.Threshold))
            throw new ArgumentException($"{name}: V_r must be below V_t (got {reset} mV, {constants.Threshold} mV)",
                nameof(reset));
        ArgumentOutOfRangeException.ThrowIfNegative(refractory);
        return new EventPopulation(name, initialV.Length)
        {
            Lif = constants, Reset = reset, Refractory = refractory, InitialV = initialV, Drive = drive,
        };
    }

    /// <summary>
    /// A source population of the clock engine (Poisson, regular), advanced once per grid step with no input;
    /// its spikes (stamped t_n) enter the queue, so both engines see the same source spikes.
    /// </summary>
    public static EventPopulation SteppedSource(ISpikingPopulation source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.AcceptsInput)
            throw new ArgumentException($"{source.Name}: only input-free sources can be stepped", nameof(source));
        return new EventPopulation(source.Name, source.Size) { Stepped = source };
    }

    /// <summary>A source whose neuron i fires at <paramref name="spikeTimes"/>[i] (ms, ascending).</summary>
    public static EventPopulation Source(string name, double[][] spikeTimes)
    {
        ArgumentNullException.ThrowIfNull(spikeTimes);
        for (int i = 0; i < spikeTimes.Length; i++)
            for (int k = 1; k < spikeTimes[i].Length; k++)
                if (!(spikeTimes[i][k] >= spikeTimes[i][k - 1]))
                    throw new ArgumentException($"{name}: spike times of neuron {i} must be ascending",
                                                nameof(spikeTimes));
        return new EventPopulation(name, spikeTimes.Length) { SpikeTimes = spikeTimes };
    }
}
