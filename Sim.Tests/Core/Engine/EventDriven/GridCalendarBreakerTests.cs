using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;
using NeuroSim.Neurons.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// Breaker tests for the grid-timing calendar queue and the paths around it: the engine's own access pattern
/// (peek, push more at or after the peeked step, peek again), pushes at the window's edges and far beyond it, and
/// whole runs cut into RunUntil/RunBefore chunks or run with look-aheads that push predictions past the window.
/// </summary>
public class GridCalendarBreakerTests
{
    [Theory]
    [InlineData(11, 1)]
    [InlineData(12, 4)]
    [InlineData(13, 32)]
    [InlineData(14, 1 << 14)]
    public void PushPop_PeekThenPushAtWindowEdges_SameOrderAsHeap(int seed, int window)
    {
        var rng = new Random(seed);
        var calendar = new GridEventQueue(window);
        var heap = new EventQueue();
        int w = calendar.Window;
        long drained = 0;
        int popped = 0, far = 0;
        for (int op = 0; op < 30_000; op++)
        {
            double u = rng.NextDouble();
            if (heap.Count == 0 || u < 0.5)
            {
                long step = rng.Next(0, 8) switch
                {
                    0 => drained,
                    1 => drained + w - 1,
                    2 => drained + w,
                    3 => drained + w + 1,
                    4 => drained + 2L * w + rng.Next(0, 3),
                    5 => drained + 1_000_000_000_000L + rng.Next(0, 3),
                    _ => drained + rng.Next(0, 6),
                };
                far += step - drained >= w ? 1 : 0;
                var kind = (EventKind)rng.Next(0, 5);
                calendar.Push(step, kind, rng.Next(), op);
                heap.Push(step, kind, 0, op);
                continue;
            }

            // The engine peeks, sometimes pushes more (not before the peeked step), then peeks again and pops.
            Assert.True(calendar.TryPeek(out long peekStep, out _));
            if (u < 0.7)
            {
                long step = peekStep + rng.Next(0, 3);
                var kind = (EventKind)rng.Next(0, 5);
                calendar.Push(step, kind, 0, op);
                heap.Push(step, kind, 0, op);
                Assert.True(calendar.TryPeek(out peekStep, out _));
            }

            var expected = heap.Pop();
            Assert.Equal((long)expected.Time, peekStep);
            Assert.Equal(expected.B, calendar.Pop().B);
            drained = peekStep;
            popped++;
        }

        while (heap.Count > 0)
        {
            var expected = heap.Pop();
            Assert.True(calendar.TryPeek(out long step, out var kind));
            Assert.Equal(((long)expected.Time, expected.Kind), (step, kind));
            Assert.Equal(expected.B, calendar.Pop().B);
        }

        Assert.Equal(0, calendar.Count);
        Assert.True(popped > 5000 && far > 1000, $"test set-up: {popped} pops, {far} pushes beyond the window");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(21)]
    public void RunUntilAndRunBefore_RandomChunks_SameSpikesAsOneRun(int seed)
    {
        var whole = Spikes(seed, WholeRun);
        var rng = new Random(seed);
        var chunked = Spikes(seed, engine =>
        {
            double t = 0;
            while (t < 300)
            {
                t = Math.Round(t / 0.1 + rng.Next(0, 40)) * 0.1;
                if (rng.Next(0, 2) == 0)
                    engine.RunBefore(t);
                else
                    engine.RunUntil(t);
            }

            WholeRun(engine);
        });
        Assert.True(whole.Count > 500, $"test set-up: only {whole.Count} spikes");
        Assert.Equal(whole, chunked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void Run_LookAheadBeyondOrBelowWindow_SameSpikesAsDefault(int lookAhead)
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            var expected = Spikes(seed, WholeRun);
            var got = Spikes(seed, WholeRun, lookAhead);
            Assert.True(expected.SequenceEqual(got), $"seed {seed}: {expected.Count} vs {got.Count} spikes");
        }
    }

    // The rest of a run started for 300 ms, in one call.
    private static void WholeRun(EventDrivenEngine engine)
    {
        engine.RunUntil(300);
        engine.Finish();
    }

    // The spikes of Float64AgreementTests' random network `seed` (event engine, grid timing, 300 ms), run by `run`.
    private static List<(int Pop, int Neuron, double Time)> Spikes(int seed, Action<EventDrivenEngine> run,
        int lookAhead = EventDrivenEngine.DefaultLookAheadSteps)
    {
        var (net, _) = Float64AgreementTests.Build(seed, Precision.Float32);
        var engine = new EventDrivenEngine(EventNetworkFactory.From(net), SpikeTiming.Grid)
        {
            LookAheadSteps = lookAhead,
        };
        var sink = new EventDrivenEngineTests.SpikeList();
        engine.Start(300, sink);
        run(engine);

        // Within one instant the order of crossings follows the order of predictions, which the look-ahead changes:
        // compare spike trains, sorted by (time, population, neuron).
        return sink.Spikes.OrderBy(x => x.Time).ThenBy(x => x.Pop).ThenBy(x => x.Neuron).ToList();
    }
}
