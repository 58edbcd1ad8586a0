using NeuroSim.Core.Engine;

namespace NeuroSim.Core.Plasticity;

/// <summary>
/// Calls the plasticity rules of a clock-driven run at the points <see cref="IPlasticityRule"/> documents, in
/// the same order as the event-driven engine: at the start of step n, for each spike arriving at t_n on a plastic
/// connection, its transmission with the weights as they are then and its pre-spike hook; after the step's
/// threshold the post-spike hooks (time t_n, the spike's stamp), then the step hooks due by t_{n+1}. A spike found
/// in step n arrives at step n + 1 + delay, as in the ring buffers; plastic connections are transmitted on arrival
/// (not on emission, as fixed ones are), so a weight changed while a spike is in flight is read as the event
/// engine reads it.
/// </summary>
public sealed class ClockPlasticity
{
    private readonly SimulationNetwork _network;
    private Binding[] _rules = [];
    private readonly List<(IPlasticityRule Rule, long Count)> _stepped = [];
    private long[] _stepCount = [];

    // One bound rule: its connection's ends and delay, and the presynaptic spikes waiting to arrive, by step
    // (a ring of a power-of-two length, so a step's slot is a mask, not a division).
    // Delivers: whether this binding transmits the arriving spikes (the first rule on its connection does; a second
    // rule on the same connection only sees them, so no spike is transmitted twice).
    private sealed record Binding(int Connection, int Source, int Target, int DelaySteps, IPlasticityRule Rule,
        List<int>[] Pending, bool Delivers)
    {
        public int Mask => Pending.Length - 1;
    }

    /// <summary>Creates an empty set of rules for <paramref name="network"/>.</summary>
    public ClockPlasticity(SimulationNetwork network) => _network = network;

    /// <summary>Whether any rule is attached.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>
    /// Binds <paramref name="rule"/> to connection <paramref name="connection"/> (before the first step).
    /// </summary>
    public void Add(int connection, IPlasticityRule rule)
    {
        var c = _network.Connections[connection];
        if (c.DelaySteps is not null)
            throw new NotSupportedException($"connection '{c.Name}': plasticity needs one delay per projection");

        var view = c.IsDense
            ? PlasticProjection.FromDense(c.PreSize, c.PostSize, c.Dense!)
            : PlasticProjection.FromRows(_network.Populations[c.Source].Size, _network.Populations[c.Target].Size,
                c.RowStart!, c.Post!, c.Weight!);
        rule.Bind(view);
        int slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)c.UniformDelaySteps + 2);
        var pending = Enumerable.Range(0, slots).Select(_ => new List<int>()).ToArray();
        bool delivers = _rules.All(b => b.Connection != connection);
        _rules = [.. _rules, new Binding(connection, c.Source, c.Target, c.UniformDelaySteps, rule, pending, delivers)];
        if (!double.IsPositiveInfinity(rule.StepInterval))
            _stepped.Add((rule, 0));
        _stepCount = new long[_stepped.Count];
    }

    /// <summary>
    /// Start of step n: each spike arriving at t_n on a plastic connection is transmitted (<paramref name="deliver"/>
    /// with the connection and the presynaptic neuron: the engine adds its row's current weights to the jumps due
    /// in step n), then its pre-spike hook runs — the event engine's order at a delivery.
    /// </summary>
    public void BeforeStep(long step, Action<int, int> deliver)
    {
        double t = step * _network.Dt;
        foreach (var b in _rules)
        {
            var due = b.Pending[(int)(step & b.Mask)];
            if (due.Count == 0)
                continue;
            var rule = b.Rule;
            foreach (int pre in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(due))
            {
                if (b.Delivers)
                    deliver(b.Connection, pre);
                rule.OnPreSpike(pre, t);
            }

            due.Clear();
        }
    }

    /// <summary>After step n's threshold: post-spike hooks for population <paramref name="population"/>.</summary>
    public void AfterThreshold(long step, int population, ReadOnlySpan<int> fired)
    {
        double t = step * _network.Dt;
        foreach (var b in _rules)
        {
            if (b.Target == population)
            {
                var rule = b.Rule;
                foreach (int post in fired)
                    rule.OnPostSpike(post, t);
            }

            if (b.Source == population)
                b.Pending[(int)((step + 1 + b.DelaySteps) & b.Mask)].AddRange(fired);
        }
    }

    /// <summary>
    /// Step n, after its post-spike hooks and before propagation: step hooks due at or before t_{n+1}.
    /// </summary>
    public void AfterStep(long step)
    {
        double end = (step + 1) * _network.Dt;
        for (int r = 0; r < _stepped.Count; r++)
        {
            var rule = _stepped[r].Rule;
            double interval = rule.StepInterval;
            while ((_stepCount[r] + 1) * interval <= end + 1e-9 * _network.Dt)
            {
                _stepCount[r]++;
                rule.OnStep(_stepCount[r] * interval, interval);
            }
        }
    }
}
