using NeuroSim.Core.Plasticity;

namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// A projection as the event-driven engine sees it: compressed rows by presynaptic neuron (or a dense
/// row-major [post, pre] matrix), the synapse store's own weight array, the receptor, one delay, the factor
/// that turns a weight into a synaptic jump (mV), and an optional plasticity rule.
/// </summary>
public sealed class EventProjection
{
    /// <summary>Creates a sparse projection (rowStart/post non-null) or a dense one (both null).</summary>
    public EventProjection(string name, int source, int target, bool inhibitory, int[]? rowStart, int[]? post,
        float[] weights, int preSize, int postSize, float scale, double delay, IPlasticityRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if ((rowStart is null) != (post is null))
            throw new ArgumentException($"{name}: give both row starts and targets, or neither (dense)");
        if (rowStart is not null && (rowStart.Length != preSize + 1 || rowStart[^1] != post!.Length
                                     || post.Length != weights.Length))
            throw new ArgumentException($"{name}: compressed rows do not match {preSize} presynaptic neurons");
        if (rowStart is null && weights.Length != (long)preSize * postSize)
            throw new ArgumentException($"{name}: dense weights must hold {postSize} × {preSize} values");
        if (!(delay >= 0))
            throw new ArgumentOutOfRangeException(nameof(delay), $"{name}: delay must be >= 0 ms (got {delay} ms)");

        Name = name;
        Source = source;
        Target = target;
        Inhibitory = inhibitory;
        RowStart = rowStart;
        Post = post;
        Weights = weights;
        PreSize = preSize;
        PostSize = postSize;
        Scale = scale;
        Delay = delay;
        Rule = rule;
    }

    public string Name { get; }

    /// <summary>Index of the presynaptic population.</summary>
    public int Source { get; }

    /// <summary>Index of the postsynaptic (LIF) population.</summary>
    public int Target { get; }

    /// <summary>True when the projection feeds x_i, false for x_e.</summary>
    public bool Inhibitory { get; }

    public int[]? RowStart { get; }

    public int[]? Post { get; }

    /// <summary>The weights (the synapse store's array; plasticity writes it).</summary>
    public float[] Weights { get; }

    public int PreSize { get; }

    public int PostSize { get; }

    /// <summary>Factor from weight to synaptic jump (1 for mV weights, R = τ_m/C for pA weights).</summary>
    public float Scale { get; }

    /// <summary>Delay (ms); in grid timing a whole number of steps.</summary>
    public double Delay { get; }

    /// <summary>The plasticity rule, or null for fixed weights.</summary>
    public IPlasticityRule? Rule { get; }

    /// <summary>Whether the weights are a dense [post, pre] matrix.</summary>
    public bool IsDense => RowStart is null;

    /// <summary>The rule's view of this projection (built when the rule is bound).</summary>
    public PlasticProjection ToPlastic() => IsDense
        ? PlasticProjection.FromDense(PreSize, PostSize, Weights)
        : PlasticProjection.FromRows(PreSize, PostSize, RowStart!, Post!, Weights);
}
