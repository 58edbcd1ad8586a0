using System.Buffers;
using System.Threading.Channels;
using NeuroSim.Core.Engine;

namespace NeuroSim.Core.Recording;

/// <summary>
/// Samples state variables of chosen neurons of one population every <c>interval</c> steps and streams the
/// samples through a bounded channel to a consumer that keeps them (<see cref="Times"/>, <see cref="Values"/>).
/// A sample taken at the end of step n is the state at time (n + 1)·dt; samples fall at t = interval, 2·interval, ...
/// </summary>
public sealed class StateRecorder : ISpikeObserver, IDisposable
{
    private readonly float[][] _arrays;
    private readonly int[] _neurons;
    private readonly long _interval;
    private readonly double _dt;
    private readonly Channel<(long Step, float[] Values)> _channel;
    private readonly Task _consumer;
    private readonly List<double> _times = [];
    private readonly List<float>[] _values;
    private bool _completed;

    /// <summary>Records <paramref name="variables"/> of <paramref name="neurons"/> (all when null).</summary>
    public StateRecorder(ISpikingPopulation population, IReadOnlyList<string> variables, IReadOnlyList<int>? neurons,
        long intervalSteps, double dt, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalSteps, 1);
        Population = population.Name;
        Variables = [.. variables];
        _arrays = variables.Select(population.Variable).ToArray();
        _neurons = neurons is null ? Enumerable.Range(0, population.Size).ToArray() : [.. neurons];
        _interval = intervalSteps;
        _dt = dt;
        _values = variables.Select(_ => new List<float>()).ToArray();
        _channel = Channel.CreateBounded<(long, float[])>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>The population sampled.</summary>
    public string Population { get; }

    /// <summary>The variables sampled.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Steps between samples.</summary>
    public long IntervalSteps => _interval;

    /// <summary>The neuron indices sampled.</summary>
    public IReadOnlyList<int> Neurons => _neurons;

    /// <summary>Sample times, ms (complete after <see cref="Complete"/>).</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Values of variable <paramref name="variable"/>: [sample, neuron] row-major.</summary>
    public IReadOnlyList<float> Values(int variable) => _values[variable];

    /// <inheritdoc/>
    public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
    {
    }

    /// <inheritdoc/>
    public void OnStepEnd(long step)
    {
        if ((step + 1) % _interval != 0)
        {
            return;
        }

        float[] sample = ArrayPool<float>.Shared.Rent(_arrays.Length * _neurons.Length);
        int k = 0;
        foreach (float[] array in _arrays)
        {
            foreach (int i in _neurons)
            {
                sample[k++] = array[i];
            }
        }

        if (!_channel.Writer.TryWrite((step, sample)))
        {
            _channel.Writer.WriteAsync((step, sample)).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits until every sample is stored.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _channel.Writer.Complete();
            _consumer.GetAwaiter().GetResult();
        }
    }

    public void Dispose() => Complete();

    private async Task ConsumeAsync()
    {
        int n = _neurons.Length;
        await foreach (var (step, sample) in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _times.Add((step + 1) * _dt);
            for (int v = 0; v < _values.Length; v++)
            {
                _values[v].AddRange(sample.AsSpan(v * n, n));
            }

            ArrayPool<float>.Shared.Return(sample);
        }
    }
}
