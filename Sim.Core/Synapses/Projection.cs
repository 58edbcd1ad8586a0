using NeuroSim.Core.Network;

namespace NeuroSim.Core.Synapses;

/// <summary>
/// The synapses of one projection, as plain arrays that engines, trainers, plasticity rules and the
/// serializer read and write in place (no private copies of weights).
/// </summary>
/// <remarks>
/// Layout (see <see cref="ProjectionLayout"/>):
/// <list type="bullet">
/// <item>Dense: <see cref="Weight"/> and <see cref="Delay"/> have PostCount · PreCount entries, row-major
/// [post, pre] (index post · PreCount + pre); <see cref="RowStart"/> and <see cref="Post"/> are empty.</item>
/// <item>Sparse (CSR by presynaptic neuron): <see cref="RowStart"/> has PreCount + 1 entries; the synapses of
/// pre are k in [RowStart[pre], RowStart[pre + 1]); <see cref="Post"/>[k] is the target neuron, Weight[k] and
/// Delay[k] its weight and delay. Within a row, Post is ascending for generated rules, file order for lists.</item>
/// </list>
/// Units: for spiking targets Weight is in mV, the jump of the target's synaptic variable (pA weights in the
/// file were converted with tau_m / c_m of the target); for ANN targets it is dimensionless. Delay is in ms.
/// <see cref="Bias"/> (ANN only) has PostCount entries.
/// </remarks>
public sealed class Projection
{
    private Projection(string name, string source, string target, int preCount, int postCount, Receptor receptor,
        ProjectionLayout layout, float[] weight, int[] rowStart, int[] post, float[] delay, float[]? bias)
    {
        Name = name;
        Source = source;
        Target = target;
        PreCount = preCount;
        PostCount = postCount;
        Receptor = receptor;
        Layout = layout;
        Weight = weight;
        RowStart = rowStart;
        Post = post;
        Delay = delay;
        Bias = bias;
    }

    /// <summary>Projection name (unique in the network).</summary>
    public string Name { get; }

    /// <summary>Source population name.</summary>
    public string Source { get; }

    /// <summary>Target population name.</summary>
    public string Target { get; }

    /// <summary>Size of the source population.</summary>
    public int PreCount { get; }

    /// <summary>Size of the target population.</summary>
    public int PostCount { get; }

    /// <summary>Which synaptic variable of the target the synapses drive.</summary>
    public Receptor Receptor { get; }

    /// <summary>Dense or sparse (CSR by presynaptic neuron).</summary>
    public ProjectionLayout Layout { get; }

    /// <summary>
    /// Weights (mV for spiking targets, dimensionless for ANN targets); layout per <see cref="Layout"/>.
    /// </summary>
    public float[] Weight { get; }

    /// <summary>Sparse: PreCount + 1 row offsets into Post/Weight/Delay. Dense: empty.</summary>
    public int[] RowStart { get; }

    /// <summary>Sparse: target neuron of each synapse. Dense: empty.</summary>
    public int[] Post { get; }

    /// <summary>Delay of each synapse in ms, same order as <see cref="Weight"/>.</summary>
    public float[] Delay { get; }

    /// <summary>Bias per target neuron (ANN projections with "bias": true), else null.</summary>
    public float[]? Bias { get; }

    /// <summary>Number of synapses (Weight.Length).</summary>
    public int SynapseCount => Weight.Length;

    /// <summary>
    /// Creates a dense projection; arrays are used as given (not copied) after their lengths are checked.
    /// </summary>
    public static Projection Dense(string name, string source, string target, int preCount, int postCount,
        Receptor receptor, float[] weight, float[] delay, float[]? bias = null)
    {
        long expected = (long)preCount * postCount;
        Require(weight.Length == expected, $"dense weight has {weight.Length} entries, expected {expected}");
        Require(delay.Length == expected, $"dense delay has {delay.Length} entries, expected {expected}");
        Require(bias is null || bias.Length == postCount, $"bias must have {postCount} entries");
        return new Projection(name, source, target, preCount, postCount, receptor, ProjectionLayout.Dense, weight,
            [], [], delay, bias);
    }

    /// <summary>Creates a sparse (CSR by pre) projection; arrays are used as given after they are checked.</summary>
    public static Projection Sparse(string name, string source, string target, int preCount, int postCount,
        Receptor receptor, int[] rowStart, int[] post, float[] weight, float[] delay, float[]? bias = null)
    {
        Require(rowStart.Length == preCount + 1, $"rowStart must have {preCount + 1} entries");
        Require(rowStart[0] == 0 && rowStart[^1] == post.Length, "rowStart must run from 0 to the synapse count");
        for (int i = 0; i < preCount; i++)
        {
            Require(rowStart[i] <= rowStart[i + 1], "rowStart must not decrease");
        }

        Require(weight.Length == post.Length && delay.Length == post.Length, "post, weight, delay lengths differ");
        foreach (int target1 in post)
        {
            Require((uint)target1 < (uint)postCount, $"post index {target1} outside 0..{postCount - 1}");
        }

        Require(bias is null || bias.Length == postCount, $"bias must have {postCount} entries");
        return new Projection(name, source, target, preCount, postCount, receptor, ProjectionLayout.Sparse, weight,
            rowStart, post, delay, bias);
    }

    /// <summary>
    /// Whole-step delay of <paramref name="delayMs"/> at time step <paramref name="dt"/> (ms), rounded.
    /// </summary>
    public static int DelaySteps(float delayMs, double dt) => (int)Math.Round(delayMs / dt);

    /// <summary>Each synapse's delay in whole steps of <paramref name="dt"/> (ms), same order as Weight.</summary>
    public int[] GetDelaySteps(double dt)
    {
        var steps = new int[Delay.Length];
        for (int k = 0; k < steps.Length; k++)
        {
            steps[k] = DelaySteps(Delay[k], dt);
        }

        return steps;
    }

    /// <summary>The largest delay in whole steps of <paramref name="dt"/> (0 without synapses).</summary>
    public int MaxDelaySteps(double dt) => Delay.Length == 0 ? 0 : DelaySteps(Delay.Max(), dt);

    /// <summary>The weight from pre to post, or null when there is no such synapse (first match for sparse).</summary>
    public float? FindWeight(int pre, int post)
    {
        if (Layout == ProjectionLayout.Dense)
        {
            return Weight[(long)post * PreCount + pre];
        }

        for (int k = RowStart[pre]; k < RowStart[pre + 1]; k++)
        {
            if (Post[k] == post)
            {
                return Weight[k];
            }
        }

        return null;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
