using NeuroSim.Core.Recording;

namespace NeuroSim.Tests.Recording;

public class SpikeRecorderTests
{
    private sealed class SlowSink : ISpikeSink
    {
        public List<SpikeEvent> Events { get; } = [];

        public bool Completed { get; private set; }

        public void Write(ReadOnlySpan<SpikeEvent> batch)
        {
            Thread.Sleep(1);
            foreach (var e in batch)
            {
                Events.Add(e);
            }
        }

        public void Complete() => Completed = true;
    }

    [Fact]
    public void Complete_SlowSinkTinyChannel_EverySpikeArrivesInOrder()
    {
        // Batches of 3 through a channel of capacity 1: the engine side must wait, never drop.
        var sink = new SlowSink();
        using var recorder = new SpikeRecorder([true, false, true], sink, batchSize: 3, capacity: 1);
        var expected = new List<SpikeEvent>();

        for (long step = 0; step < 200; step++)
        {
            int[] neurons = [(int)(step % 7), (int)(step % 7) + 10];
            recorder.OnSpikes(step, 0, neurons);
            recorder.OnSpikes(step, 1, neurons);
            recorder.OnSpikes(step, 2, [5]);
            expected.AddRange(neurons.Select(n => new SpikeEvent(step, 0, n)));
            expected.Add(new SpikeEvent(step, 2, 5));
        }

        recorder.Complete();

        Assert.True(sink.Completed);
        Assert.Equal(expected, sink.Events);
        Assert.Equal(600, recorder.Recorded);
    }

    [Fact]
    public void Complete_SinkThrows_FailureReachesTheCaller()
    {
        using var recorder = new SpikeRecorder([true], new ThrowingSink(), batchSize: 1, capacity: 1);

        var error = Record.Exception(() =>
        {
            for (int s = 0; s < 100; s++)
            {
                recorder.OnSpikes(s, 0, [1]);
            }

            recorder.Complete();
        });

        Assert.IsType<IOException>(error);
        Assert.Contains("disk full", error.Message);
    }

    [Fact]
    public void FileSink_RoundTrip_ReadsBackWhatWasWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), $"neurosim-spikes-{Guid.NewGuid():N}.bin");
        try
        {
            SpikeEvent[] events = [new(0, 0, 3), new(5, 1, 2), new(long.MaxValue / 3, 2, int.MaxValue)];
            using (var sink = new FileSpikeSink(path))
            {
                sink.Write(events);
                sink.Complete();
                Assert.Equal(3, sink.Count);
            }

            Assert.Equal(events, FileSpikeSink.ReadAll(path));
            Assert.Equal(48, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class ThrowingSink : ISpikeSink
    {
        public void Write(ReadOnlySpan<SpikeEvent> batch) => throw new IOException("disk full");

        public void Complete()
        {
        }
    }
}
