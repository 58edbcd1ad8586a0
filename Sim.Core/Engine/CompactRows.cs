namespace NeuroSim.Core.Engine;

/// <summary>
/// Compact forms of a sparse projection's rows that both engines deliver from: post indices in 16 bits, and the
/// one weight all synapses share. Each halves the memory a spike's row walk touches. Both are taken once, when an
/// engine is built (only for projections without a plasticity rule, for the weight): weights a caller writes later
/// are not seen by that engine (known limit, docs/event-driven.md).
/// </summary>
internal static class CompactRows
{
    /// <summary>The post indices as 16-bit values (a copy made once), or null when a target index needs more.</summary>
    public static ushort[]? ShortIndices(int[] post, int postCount)
    {
        if (postCount > ushort.MaxValue + 1)
            return null;
        var copy = new ushort[post.Length];
        for (int k = 0; k < copy.Length; k++)
            copy[k] = (ushort)post[k];
        return copy;
    }

    /// <summary>The weight every synapse has (bit for bit, so −0 and 0 differ), or null when they differ or there
    /// are none.</summary>
    public static float? SharedWeight(float[] weights)
    {
        if (weights.Length == 0)
            return null;
        int first = BitConverter.SingleToInt32Bits(weights[0]);
        foreach (float w in weights)
            if (BitConverter.SingleToInt32Bits(w) != first)
                return null;
        return weights[0];
    }
}
