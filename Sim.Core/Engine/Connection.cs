using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The engine's view of one projection: which populations it joins, which receptor it feeds, and the weight
/// arrays it reads. The arrays are the synapse store's own (never copied), so learning rules that change
/// weights are seen at the next spike.
/// </summary>
/// <remarks>
/// Sparse projections are compressed rows by presynaptic neuron: the synapses of pre neuron i are
/// k ∈ [RowStart[i], RowStart[i + 1]), each with Post[k], Weight[k] and, when delays differ, DelaySteps[k].
/// Dense projections are a row-major [post, pre] matrix (W[n, m], as torch's Linear.weight) with one delay.
/// Weights are jumps of the target's synaptic variable in mV (the store converts pA weights when it builds).
/// Delays are whole steps; a spike found in step n is delivered at the start of step n + 1 + delay.
/// </remarks>
public sealed class Connection
{
    private Connection(string name, int source, int target, Receptor receptor)
    {
        Name = name;
        Source = source;
        Target = target;
        Receptor = receptor;
    }

    /// <summary>The projection's name (for messages).</summary>
    public string Name { get; }

    /// <summary>Index of the presynaptic population in the network.</summary>
    public int Source { get; }

    /// <summary>Index of the postsynaptic population in the network.</summary>
    public int Target { get; }

    /// <summary>The synaptic variable fed.</summary>
    public Receptor Receptor { get; }

    /// <summary>Whether the weights are a dense [post, pre] matrix.</summary>
    public bool IsDense => Dense is not null;

    /// <summary>Sparse: row start per presynaptic neuron (length pre + 1).</summary>
    public int[]? RowStart { get; private init; }

    /// <summary>Sparse: postsynaptic neuron per synapse.</summary>
    public int[]? Post { get; private init; }

    /// <summary>Sparse: weight per synapse.</summary>
    public float[]? Weight { get; private init; }

    /// <summary>Sparse: delay in steps per synapse, or null when all share <see cref="UniformDelaySteps"/>.</summary>
    public int[]? DelaySteps { get; private init; }

    /// <summary>Dense: weights, row-major [post, pre].</summary>
    public float[]? Dense { get; private init; }

    /// <summary>Dense: presynaptic population size (the matrix's row stride).</summary>
    public int PreSize { get; private init; }

    /// <summary>Dense: postsynaptic population size.</summary>
    public int PostSize { get; private init; }

    /// <summary>The delay in steps shared by every synapse (when <see cref="DelaySteps"/> is null).</summary>
    public int UniformDelaySteps { get; private init; }

    /// <summary>The largest delay in steps.</summary>
    public int MaxDelaySteps { get; private init; }

    /// <summary>A sparse projection from compressed rows by presynaptic neuron.</summary>
    public static Connection Sparse(
        string name, int source, int target, Receptor receptor,
        int[] rowStart, int[] post, float[] weight, int[]? delaySteps, int uniformDelaySteps = 0)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(weight);
        if (post.Length != weight.Length || (delaySteps is not null && delaySteps.Length != post.Length))
        {
            throw new ArgumentException($"{name}: post, weight and delay arrays must have one entry per synapse");
        }

        int max = uniformDelaySteps;
        if (delaySteps is not null)
        {
            max = 0;
            foreach (int d in delaySteps)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(delaySteps));
                max = Math.Max(max, d);
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(uniformDelaySteps);
        return new Connection(name, source, target, receptor)
        {
            RowStart = rowStart,
            Post = post,
            Weight = weight,
            DelaySteps = delaySteps,
            UniformDelaySteps = delaySteps is null ? uniformDelaySteps : 0,
            MaxDelaySteps = max,
        };
    }

    /// <summary>A dense projection: <paramref name="weights"/> row-major [post, pre], one delay for all.</summary>
    public static Connection DenseMatrix(
        string name, int source, int target, Receptor receptor,
        float[] weights, int preSize, int postSize, int delaySteps = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(delaySteps);
        if (weights.Length != (long)preSize * postSize)
        {
            throw new ArgumentException(
                $"{name}: dense weights must hold post × pre = {postSize} × {preSize} values");
        }

        return new Connection(name, source, target, receptor)
        {
            Dense = weights,
            PreSize = preSize,
            PostSize = postSize,
            UniformDelaySteps = delaySteps,
            MaxDelaySteps = delaySteps,
        };
    }
}
