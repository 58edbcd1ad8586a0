using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Bench.EventDriven;

/// <summary>
/// The networks of the event-vs-clock comparison, built in code so the two engines get identical copies.
/// </summary>
public static class BenchNetworks
{
    /// <summary>
    /// CUBA (Vogels &amp; Abbott 2005, Brian2's example): 3200 exc + 800 inh LIF, p = 0.02, w_e = 1.62 mV,
    /// w_i = −9 mV, τ_m 20 ms, τ_e 5 ms, τ_i 10 ms, E_L −49 mV, V_t −50 mV, V_r −60 mV, t_ref 5 ms, V₀ ~ U[V_r, V_t].
    /// <paramref name="float64"/>: the LIF populations in float64 (<see cref="Float64LifPopulation"/>), same numbers.
    /// </summary>
    public static SimulationNetwork Cuba(int seed, float plasticWeightScale = 1f, bool float64 = false)
    {
        var rng = new Random(seed);
        var p = new LifParameters(20, 250, -49, -50, -60, 5, 5, 10);
        ISpikingPopulation exc = float64 ? new Float64LifPopulation("exc", 3200, p) : new LifPopulation("exc", 3200, p);
        ISpikingPopulation inh = float64 ? new Float64LifPopulation("inh", 800, p) : new LifPopulation("inh", 800, p);
        foreach (var pop in new[] { exc, inh })
        {
            for (int i = 0; i < pop.Size; i++)
            {
                float v = (float)(-60 + 10 * rng.NextDouble());
                if (pop is Float64LifPopulation wide)
                    wide.V[i] = v;
                else
                    ((LifPopulation)pop).V[i] = v;
            }
        }

        var connections = new[]
        {
            Random(rng, "ee", 0, 0, 3200, 3200, 0.02, Receptor.Excitatory, 1.62f * plasticWeightScale, 0),
            Random(rng, "ei", 0, 1, 3200, 800, 0.02, Receptor.Excitatory, 1.62f, 0),
            Random(rng, "ie", 1, 0, 800, 3200, 0.02, Receptor.Inhibitory, -9f, 0),
            Random(rng, "ii", 1, 1, 800, 800, 0.02, Receptor.Inhibitory, -9f, 0),
        };
        return new SimulationNetwork(0.1, [exc, inh], connections);
    }

    /// <summary>
    /// Low activity: <paramref name="size"/> LIF neurons below threshold at rest (E_L −60 mV, V_t −50 mV, τ_m 20 ms,
    /// τ_e 5 ms, τ_i 10 ms, t_ref 2 ms), 100 recurrent excitatory synapses each (0.5 mV), driven by 1000 input
    /// neurons firing Poisson spike trains at <paramref name="inputHz"/> (times drawn once, on the 0.1 ms grid),
    /// each input reaching 100 random neurons with a 70 mV jump of x_e (PSP peak 11 mV: every input spike fires
    /// its targets).
    /// </summary>
    public static SimulationNetwork LowActivity(int seed, int size, double inputHz, double durationMs)
    {
        // Drawing 10⁸ candidate synapses takes about a second: the draws are kept per configuration, and each call
        // builds fresh populations and connections from them (same numbers every time).
        var key = (seed, size, inputHz, durationMs);
        if (!LowActivityDraws.TryGetValue(key, out var draws))
            LowActivityDraws[key] = draws = DrawLowActivity(seed, size, inputHz, durationMs);

        var input = new SpikeTimeSourcePopulation("input", draws.Times);
        var p = new LifParameters(20, 250, -60, -50, -60, 2, 5, 10);
        var lif = new LifPopulation("lif", size, p);
        var connections = new[]
        {
            Sparse("in", 0, 1, draws.Input, Receptor.Excitatory, 70f),
            Sparse("rec", 1, 1, draws.Recurrent, Receptor.Excitatory, 0.5f),
        };
        return new SimulationNetwork(0.1, [input, lif], connections);
    }

    private static readonly Dictionary<(int, int, double, double), LowActivityDraw> LowActivityDraws = [];

    private sealed record LowActivityDraw(double[][] Times, (int[] RowStart, int[] Post) Input,
        (int[] RowStart, int[] Post) Recurrent);

    private static LowActivityDraw DrawLowActivity(int seed, int size, double inputHz, double durationMs)
    {
        var rng = new Random(seed);
        var times = new double[1000][];
        for (int i = 0; i < times.Length; i++)
        {
            var list = new List<double>();
            for (double t = -Math.Log(1 - rng.NextDouble()) * 1000 / inputHz; t < durationMs;
                 t += -Math.Log(1 - rng.NextDouble()) * 1000 / inputHz)
                list.Add(Math.Round(t * 10) / 10);
            times[i] = list.Distinct().ToArray();
        }

        var input = RandomRows(rng, 1000, size, 100.0 / size, selfLoops: true);
        var recurrent = RandomRows(rng, size, size, 100.0 / size, selfLoops: false);
        return new LowActivityDraw(times, input, recurrent);
    }

    private static Connection Sparse(string name, int source, int target, (int[] RowStart, int[] Post) rows,
        Receptor receptor, float w) =>
        Connection.Sparse(name, source, target, receptor, (int[])rows.RowStart.Clone(), (int[])rows.Post.Clone(),
            Enumerable.Repeat(w, rows.Post.Length).ToArray(), null, 0);

    private static (int[] RowStart, int[] Post) RandomRows(Random rng, int pre, int post, double prob, bool selfLoops)
    {
        var rowStart = new int[pre + 1];
        var targets = new List<int>();
        for (int i = 0; i < pre; i++)
        {
            for (int j = 0; j < post; j++)
                if (rng.NextDouble() < prob && (selfLoops || i != j))
                    targets.Add(j);
            rowStart[i + 1] = targets.Count;
        }

        return (rowStart, [.. targets]);
    }

    private static Connection Random(Random rng, string name, int source, int target, int pre, int post, double prob,
        Receptor receptor, float w, int delaySteps)
    {
        var (rowStart, targets) = RandomRows(rng, pre, post, prob, selfLoops: source != target);
        var weights = Enumerable.Repeat(w, targets.Length).ToArray();
        return Connection.Sparse(name, source, target, receptor, rowStart, targets, weights, null, delaySteps);
    }
}
