using System.Buffers;
using System.Threading.Channels;
using NeuroSim.Core.Engine;

namespace NeuroSim.Core.Recording;

/// <summary>
/// Records the spikes of chosen populations and streams them to an <see cref="ISpikeSink"/> through a bounded
/// channel: the engine fills pooled batches, a consumer task drains them to the sink. Memory stays bounded by
/// the channel (capacity × batch size) whatever the run length; when the sink falls behind, the engine waits.
/// </summary>
public sealed class SpikeRecorder : ISpikeObserver, IDisposable
{
    private readonly bool[] _recorded;
    private readonly ISpikeSink _sink;
    private readonly Channel<(SpikeEvent[] Events, int Count)> _channel;
    private readonly Task _consumer;
    private readonly int _batchSize;
    private readonly ManualResetEventSlim _primed = new();
    private SpikeEvent[] _batch;
    private int _count;
    private bool _completed;

    /// <summary>Records populations whose flag in <paramref name="recorded"/> is set.</summary>
    public SpikeRecorder(IReadOnlyList<bool> recorded, ISpikeSink sink, int batchSize = 4096, int capacity = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _recorded = [.. recorded];
        _sink = sink;
        _batchSize = batchSize;
        _batch = ArrayPool<SpikeEvent>.Shared.Rent(batchSize);
        _channel = Channel.CreateBounded<(SpikeEvent[], int)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            // The reader is a thread blocked on the wait task: waking it is one signal, cheaper done by the
            // writer itself than by a thread-pool worker that then spins idle.
            AllowSynchronousContinuations = true,
        });
        // A dedicated thread that blocks between batches: a thread-pool worker would spin looking for work after
        // each batch, processor time that a single-threaded run would be charged for.
        _consumer = Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Prime();
    }

    /// <summary>Spikes recorded so far.</summary>
    public long Recorded { get; private set; }

    /// <inheritdoc/>
    public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
    {
        if (!_recorded[population])
        {
            return;
        }

        foreach (int neuron in neurons)
        {
            _batch[_count++] = new SpikeEvent(step, population, neuron);
            if (_count == _batchSize)
            {
                Send();
            }
        }

        Recorded += neurons.Length;
    }

    /// <inheritdoc/>
    public void OnStepEnd(long step)
    {
    }

    /// <summary>Sends what is left, waits until the sink has everything, and completes it. Rethrows a failure of
    /// the sink (e.g. a full disk).</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_count > 0)
        {
            Send();
        }
        else
        {
            ArrayPool<SpikeEvent>.Shared.Return(_batch);
        }

        _channel.Writer.TryComplete();
        _consumer.GetAwaiter().GetResult();
        _sink.Complete();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _channel.Writer.TryComplete();
            try
            {
                _consumer.Wait();
            }
            catch (AggregateException)
            {
                // The sink's failure was already reported by Complete or is moot when abandoning a run.
            }
        }

        _primed.Dispose();
    }

    /// <summary>Sends one empty batch (not passed to the sink) and waits until the consumer has handled it, so the
    /// consumer thread is running and its code compiled before the first step rather than during the run.</summary>
    private void Prime()
    {
        Send();
        while (!_primed.Wait(10) && !_consumer.IsCompleted)
        {
        }

        if (_consumer.IsFaulted)
        {
            _consumer.GetAwaiter().GetResult();
        }
    }

    private void Send()
    {
        var item = (_batch, _count);
        ConsumerChannel.Write(_channel.Writer, item, _consumer);
        _batch = ArrayPool<SpikeEvent>.Shared.Rent(_batchSize);
        _count = 0;
    }

    // A sink that throws ends the consumer; it closes the channel first, so that an engine waiting for room in a
    // full channel gets the error instead of waiting for a reader that is gone.
    private void Consume()
    {
        try
        {
            Drain();
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private void Drain()
    {
        var reader = _channel.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    if (item.Count > 0)
                    {
                        _sink.Write(item.Events.AsSpan(0, item.Count));
                    }
                }
                finally
                {
                    ArrayPool<SpikeEvent>.Shared.Return(item.Events);
                    _primed.Set();
                }
            }
        }
    }
}
