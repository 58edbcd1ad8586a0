using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// The calendar queue of grid timing against the binary heap it replaces: the same pushes and pops, in any
/// interleaving the engine can produce (pushes never before the last popped step), give the same events in the
/// same order — by step, then kind, then insertion — including events first queued beyond the calendar's window.
/// </summary>
public class GridEventQueueTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    [InlineData(3, 64)]
    [InlineData(4, 1)]
    [InlineData(5, 200)]
    public void PushPop_RandomInterleaving_SameOrderAsHeap(int seed, int window)
    {
        var rng = new Random(seed);
        var calendar = new GridEventQueue(window);
        var heap = new EventQueue();
        long drained = 0;
        int popped = 0;
        for (int op = 0; op < 20_000; op++)
        {
            if (heap.Count == 0 || rng.NextDouble() < 0.55)
            {
                // Mostly near the drained step, sometimes far beyond the window, sometimes at the drained step.
                long step = drained + (rng.NextDouble() < 0.1 ? rng.Next(0, 5 * calendar.Window) : rng.Next(0, 12));
                var kind = (EventKind)rng.Next(0, 5);
                int a = rng.Next(), b = op;
                calendar.Push(step, kind, a, b);
                heap.Push(step, kind, a, b);
                continue;
            }

            Assert.True(calendar.TryPeek(out long peekStep, out var peekKind));
            var expected = heap.Pop();
            Assert.Equal((long)expected.Time, peekStep);
            Assert.Equal(expected.Kind, peekKind);
            var got = calendar.Pop();
            Assert.Equal((expected.A, expected.B), (got.A, got.B));
            drained = peekStep;
            popped++;
        }

        while (heap.Count > 0)
        {
            var expected = heap.Pop();
            Assert.True(calendar.TryPeek(out long step, out _));
            Assert.Equal((long)expected.Time, step);
            Assert.Equal(expected.B, calendar.Pop().B);
        }

        Assert.False(calendar.TryPeek(out _, out _));
        Assert.Equal(0, calendar.Count);
        Assert.True(popped > 5000, "test set-up: too few pops");
    }

    [Fact]
    public void Push_BeforeDrainedStep_Throws()
    {
        var calendar = new GridEventQueue(16);
        calendar.Push(10, EventKind.Delivery, 0, 0);
        calendar.Pop();
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Push(9, EventKind.Crossing, 0, 0));
    }

    [Fact]
    public void Pop_Empty_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new GridEventQueue(4).Pop());
    }

    [Fact]
    public void Pop_LowerKindPushedAtPeekedStep_ComesFirst()
    {
        var calendar = new GridEventQueue(16);
        calendar.Push(3, EventKind.Delivery, 1, 0);
        Assert.True(calendar.TryPeek(out _, out var kind));
        Assert.Equal(EventKind.Delivery, kind);
        calendar.Push(3, EventKind.Crossing, 2, 0);
        Assert.Equal(2, calendar.Pop().A);
        Assert.Equal(1, calendar.Pop().A);
    }
}
