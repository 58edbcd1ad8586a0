using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Encoders.Sources;

/// <summary>
/// The <c>input</c> population of an SNN network file for the clock engine: replays one data sample's encoded
/// spike raster x [T, m] (time-major, as the trainer's encoders write it), emitting at engine step t the inputs
/// with x[t, j] ≠ 0, and nothing from step T on. Silent until a raster is loaded.
/// </summary>
public sealed class SampleInputPopulation : ISpikingPopulation
{
    private float[] _raster = [];
    private int _steps;

    /// <summary>Creates an input population of <paramref name="size"/> neurons.</summary>
    public SampleInputPopulation(string name, int size)
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
    public bool AcceptsInput => false;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => [];

    /// <summary>Steps of the loaded raster (T).</summary>
    public int Steps => _steps;

    /// <summary>Loads the raster x [<paramref name="steps"/>, Size] (kept by reference).</summary>
    public void Load(float[] raster, int steps)
    {
        ArgumentNullException.ThrowIfNull(raster);
        if (steps < 0 || raster.Length != (long)steps * Size)
        {
            throw new ArgumentException($"{Name}: the raster must hold {steps} × {Size} values (got {raster.Length})",
                nameof(raster));
        }

        _raster = raster;
        _steps = steps;
    }

    /// <inheritdoc/>
    public float[] Variable(string name) =>
        throw new ArgumentException($"{Name}: an input population has no state variable '{name}'", nameof(name));

    /// <inheritdoc/>
    public void Prepare(double dt)
    {
    }

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) =>
        throw new InvalidOperationException($"{Name}: an input population takes no synaptic input");

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (step >= _steps)
        {
            return;
        }

        int offset = (int)step * Size;
        for (int j = start; j < end; j++)
        {
            if (_raster[offset + j] != 0f)
            {
                spikes.Add(j);
            }
        }
    }
}
