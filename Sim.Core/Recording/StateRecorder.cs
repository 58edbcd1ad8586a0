using System.Buffers;
using System.Threading.Channels;
using NeuroSim.Core.Engine;

namespace NeuroSim.Core.Recording;

/// <summary>
/// Samples state variables of chosen neurons of one population every <c>interval</c> steps and streams the
/// samples through a bounded channel to a consumer that keeps them (<see cref="Times"/>, <see cref="Values"/>).
/// A sample taken at the end of step n is the state at time (n + 1)·dt; samples fall at t = interval, 2·interval, ...
/// Values keep the population's precision: float32 (<see cref="Values"/>), or float64 for an
/// <see cref="IFloat64Population"/> (<see cref="IsFloat64"/>, <see cref="Values64"/>).
/// </summary>
public sealed class StateRecorder : ISpikeObserver, IDisposable
{
    private readonly float[][] _arrays;
    private readonly double[][] _arrays64;
    private readonly int[] _neurons;
    private readonly long _interval;
    private readonly double _dt;
    private readonly Channel<(long Step, float[]? Values, double[]? Values64)> _channel;
    private readonly Task _consumer;
    private readonly List<double> _times = [];
    private readonly List<float>[] _values;
    private readonly List<double>[] _values64;
    private bool _completed;

    /// <summary>Records <paramref name="variables"/> of <paramref name="neurons"/> (all when null).</summary>
    public StateRecorder(ISpikingPopulation population, IReadOnlyList<string> variables, IReadOnlyList<int>? neurons,
        long intervalSteps, double dt, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalSteps, 1);
        Population = population.Name;
        Variables = [.. variables];
        IsFloat64 = population is IFloat64Population;
        _arrays = population is IFloat64Population ? [] : variables.Select(population.Variable).ToArray();
        _arrays64 = population is IFloat64Population wide ? variables.Select(wide.Variable64).ToArray() : [];
        _neurons = neurons is null ? Enumerable.Range(0, population.Size).ToArray() : [.. neurons];
        _interval = intervalSteps;
        _dt = dt;
        _values = variables.Select(_ => new List<float>()).ToArray();
        _values64 = variables.Select(_ => new List<double>()).ToArray();
        _channel = Channel.CreateBounded<(long, float[]?, double[]?)>(new BoundedChannelOptions(capacity)
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

    /// <summary>Whether the population's state is float64 (values in <see cref="Values64"/>).</summary>
    public bool IsFloat64 { get; }

    /// <summary>Values of variable <paramref name="variable"/>: [sample, neuron] row-major (float32 state).
    /// </summary>
    public IReadOnlyList<float> Values(int variable) => IsFloat64
        ? throw new InvalidOperationException($"{Population}: float64 state; read Values64")
        : _values[variable];

    /// <summary>Values of variable <paramref name="variable"/>: [sample, neuron] row-major (float64 state).
    /// </summary>
    public IReadOnlyList<double> Values64(int variable) => IsFloat64
        ? _values64[variable]
        : throw new InvalidOperationException($"{Population}: float32 state; read Values");

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

        float[]? sample = null;
        double[]? sample64 = null;
        int k = 0;
        if (IsFloat64)
        {
            sample64 = ArrayPool<double>.Shared.Rent(_arrays64.Length * _neurons.Length);
            foreach (double[] array in _arrays64)
            {
                foreach (int i in _neurons)
                {
                    sample64[k++] = array[i];
                }
            }
        }
        else
        {
            sample = ArrayPool<float>.Shared.Rent(_arrays.Length * _neurons.Length);
            foreach (float[] array in _arrays)
            {
                foreach (int i in _neurons)
                {
                    sample[k++] = array[i];
                }
            }
        }

        ConsumerChannel.Write(_channel.Writer, (step, sample, sample64), _consumer);
    }

    /// <summary>Waits until every sample is stored.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _channel.Writer.TryComplete();
            _consumer.GetAwaiter().GetResult();
        }
    }

    public void Dispose() => Complete();

    // A failure here (out of memory) closes the channel first, so that a writer waiting for room gets it.
    private async Task ConsumeAsync()
    {
        try
        {
            await DrainAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task DrainAsync()
    {
        int n = _neurons.Length;
        await foreach (var (step, sample, sample64) in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _times.Add((step + 1) * _dt);
            for (int v = 0; v < _values.Length; v++)
            {
                if (sample64 is not null)
                {
                    _values64[v].AddRange(sample64.AsSpan(v * n, n));
                }
                else
                {
                    _values[v].AddRange(sample!.AsSpan(v * n, n));
                }
            }

            if (sample64 is not null)
            {
                ArrayPool<double>.Shared.Return(sample64);
            }
            else
            {
                ArrayPool<float>.Shared.Return(sample!);
            }
        }
    }
}
