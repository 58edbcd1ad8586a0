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

    [Fact]
    public async Task OnSpikes_SinkFailsWhileEngineWaitsForRoom_FailureReachesTheEngine()
    {
        // The race that once hung the test suite: the engine finds the channel full and waits for room just as the
        // sink fails; the consumer must close the channel so the wait ends with the sink's error. Made certain
        // here: the sink holds its first batch until the engine is blocked on the third.
        var sink = new GatedThrowingSink();
        using var recorder = new SpikeRecorder([true], sink, batchSize: 1, capacity: 1);
        var run = Task.Run(() =>
        {
            for (int s = 0; s < 100; s++)
                recorder.OnSpikes(s, 0, [1]);
        });

        Assert.True(sink.Entered.Wait(TimeSpan.FromSeconds(10)), "the sink never received a batch");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (recorder.Recorded < 2 && waited.Elapsed.TotalSeconds < 10)
            Thread.Sleep(1);
        Thread.Sleep(100);
        sink.Release.Set();

        // A liveness bound, not a timing: with the bug the engine waits forever.
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) == run,
            "the engine still waits for room after the sink failed");
        var error = await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Contains("disk full", error.Message);
    }

    private sealed class GatedThrowingSink : ISpikeSink
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Write(ReadOnlySpan<SpikeEvent> batch)
        {
            Entered.Set();
            Release.Wait();
            throw new IOException("disk full");
        }

        public void Complete()
        {
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
