using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Leaky;

/// <summary>
/// What the clock-engine replays of trained layers (<see cref="LeakyPopulation"/>, <c>SnuPopulation</c>) share:
/// name and size, the state variables <c>v</c> and <c>y</c>, one input that both receptors add to, the window of
/// trainer steps and the trained per-neuron values (<see cref="ITrainedLayerPopulation"/>). A subclass supplies
/// the dynamics.
/// </summary>
public abstract class TrainedLayerPopulation : ISpikingPopulation, ITrainedLayerPopulation
{
    private float[]? _thresholds;

    /// <summary>Creates a layer of <paramref name="size"/> neurons.</summary>
    protected TrainedLayerPopulation(string name, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Name = name;
        Size = size;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public bool AcceptsInput => true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => ["v", "y"];

    /// <inheritdoc/>
    public long StartStep { get; set; }

    /// <inheritdoc/>
    public long ActiveSteps { get; set; } = long.MaxValue;

    /// <inheritdoc/>
    public float[]? Bias { get; set; }

    /// <inheritdoc/>
    public float[]? Thresholds
    {
        get => _thresholds;
        set
        {
            if (value is not null && value.Length != Size)
            {
                throw new ArgumentException($"{Name}: {value.Length} thresholds for {Size} neurons", nameof(value));
            }

            _thresholds = value;
        }
    }

    /// <inheritdoc/>
    public abstract float[] Variable(string name);

    /// <inheritdoc/>
    public abstract void Prepare(double dt);

    /// <inheritdoc/>
    public abstract Span<float> SynapticVariable(Receptor receptor);

    /// <inheritdoc/>
    public abstract void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes);
}
