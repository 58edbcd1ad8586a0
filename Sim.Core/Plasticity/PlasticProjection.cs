namespace NeuroSim.Core.Plasticity;

/// <summary>
/// What a plasticity rule sees of one projection: the weights (the synapse store's array itself, not a copy)
/// and two indexes over the synapses, by presynaptic neuron (outgoing) and by postsynaptic neuron (incoming).
/// Built once per run; the incoming index is what a rule walks on a postsynaptic spike.
/// </summary>
public sealed class PlasticProjection
{
    private PlasticProjection(int preCount, int postCount, float[] weights, int[] outStart, int[] outSynapse,
        int[] outPost, int[] inStart, int[] inSynapse, int[] inPre, bool outInOrder)
    {
        OutInOrder = outInOrder;
        PreCount = preCount;
        PostCount = postCount;
        Weights = weights;
        OutStart = outStart;
        OutSynapse = outSynapse;
        OutPost = outPost;
        InStart = inStart;
        InSynapse = inSynapse;
        InPre = inPre;
    }

    /// <summary>Number of presynaptic neurons.</summary>
    public int PreCount { get; }

    /// <summary>Number of postsynaptic neurons.</summary>
    public int PostCount { get; }

    /// <summary>Weights, indexed by synapse; the only thing a rule may write.</summary>
    public float[] Weights { get; }

    /// <summary>Synapses leaving pre i: OutSynapse[OutStart[i] .. OutStart[i+1]), to OutPost[...].</summary>
    public int[] OutStart { get; }

    /// <summary>Synapse indexes (into <see cref="Weights"/>) grouped by presynaptic neuron.</summary>
    public int[] OutSynapse { get; }

    /// <summary>
    /// Whether <see cref="OutSynapse"/>[k] = k (compressed rows: the weights are stored by presynaptic neuron), so an
    /// outgoing walk may index <see cref="Weights"/> by k directly and read them in order.
    /// </summary>
    public bool OutInOrder { get; }

    /// <summary>Postsynaptic neuron of each entry of <see cref="OutSynapse"/>.</summary>
    public int[] OutPost { get; }

    /// <summary>Synapses reaching post j: InSynapse[InStart[j] .. InStart[j+1]), from InPre[...].</summary>
    public int[] InStart { get; }

    /// <summary>Synapse indexes (into <see cref="Weights"/>) grouped by postsynaptic neuron.</summary>
    public int[] InSynapse { get; }

    /// <summary>Presynaptic neuron of each entry of <see cref="InSynapse"/>.</summary>
    public int[] InPre { get; }

    /// <summary>Number of synapses.</summary>
    public int SynapseCount => OutSynapse.Length;

    /// <summary>
    /// A sparse projection stored as compressed rows by presynaptic neuron: the synapses of pre i are
    /// rowStart[i] .. rowStart[i+1]) with targets post[k] and weights weight[k].
    /// </summary>
    public static PlasticProjection FromRows(int preCount, int postCount, int[] rowStart, int[] post, float[] weight)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(weight);
        if (rowStart.Length != preCount + 1 || post.Length != weight.Length || rowStart[preCount] != post.Length)
            throw new ArgumentException("row index does not match the synapse arrays", nameof(rowStart));

        var outSynapse = new int[post.Length];
        for (int k = 0; k < outSynapse.Length; k++)
            outSynapse[k] = k;

        var pre = new int[post.Length];
        for (int i = 0; i < preCount; i++)
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                pre[k] = i;

        var (inStart, inSynapse, inPre) = GroupBy(postCount, post, pre);
        return new PlasticProjection(preCount, postCount, weight, (int[])rowStart.Clone(), outSynapse,
            (int[])post.Clone(), inStart, inSynapse, inPre, outInOrder: true);
    }

    /// <summary>A dense projection: weight is row-major [post, pre], synapse index = post·preCount + pre.</summary>
    public static PlasticProjection FromDense(int preCount, int postCount, float[] weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Length != preCount * postCount)
            throw new ArgumentException("dense weights must have post·pre entries", nameof(weight));

        var outStart = new int[preCount + 1];
        var outSynapse = new int[weight.Length];
        var outPost = new int[weight.Length];
        for (int i = 0, k = 0; i < preCount; i++)
        {
            outStart[i] = k;
            for (int j = 0; j < postCount; j++, k++)
            {
                outSynapse[k] = j * preCount + i;
                outPost[k] = j;
            }
        }

        outStart[preCount] = weight.Length;
        var inStart = new int[postCount + 1];
        var inSynapse = new int[weight.Length];
        var inPre = new int[weight.Length];
        for (int j = 0, k = 0; j < postCount; j++)
        {
            inStart[j] = k;
            for (int i = 0; i < preCount; i++, k++)
            {
                inSynapse[k] = j * preCount + i;
                inPre[k] = i;
            }
        }

        inStart[postCount] = weight.Length;
        return new PlasticProjection(preCount, postCount, weight, outStart, outSynapse, outPost, inStart, inSynapse,
            inPre, outInOrder: false);
    }

    // Counting sort of synapses by postsynaptic neuron; stable, so each post's synapses keep pre order.
    private static (int[] Start, int[] Synapse, int[] Pre) GroupBy(int postCount, int[] post, int[] pre)
    {
        var start = new int[postCount + 1];
        foreach (int j in post)
            start[j + 1]++;
        for (int j = 0; j < postCount; j++)
            start[j + 1] += start[j];

        var fill = (int[])start.Clone();
        var synapse = new int[post.Length];
        var inPre = new int[post.Length];
        for (int k = 0; k < post.Length; k++)
        {
            int slot = fill[post[k]]++;
            synapse[slot] = k;
            inPre[slot] = pre[k];
        }

        return (start, synapse, inPre);
    }
}
