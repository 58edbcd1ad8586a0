using NeuroSim.Core.Network;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Synapses;

/// <summary>
/// Builds the <see cref="SynapseStore"/> of a validated <see cref="NetworkSpec"/>: connectivity, weights,
/// delays and biases, deterministic per projection seed (the same spec always gives the same arrays).
/// </summary>
/// <remarks>
/// <para>Connectivity: all_to_all → dense [post, pre] (with allow_self false and source = target, the
/// diagonal weights are 0). one_to_one, fixed_probability and list → CSR by presynaptic neuron.
/// fixed_probability draws each (pre, post) pair independently with probability p; row pre uses its own
/// stream (seed, pre), walking the candidates with geometric gaps ⌊ln U / ln(1 − p)⌋, which is exact for
/// independent Bernoulli trials and costs O(synapses) rather than O(pre · post). Self-connections are
/// skipped when source = target and allow_self is false.</para>
/// <para>Weights: constant, normal(mean, std), uniform[low, high), or schemes with fan_in = source size and
/// fan_out = target size: he_uniform U(±√(6 / fan_in)), xavier_uniform U(±√(6 / (fan_in + fan_out))),
/// uniform_fan_in U(±1 / √fan_in) (torch.nn.Linear's default). Draws are made in storage order from the
/// stream (seed, weights). pA weights become mV by multiplying with tau_m / c_m of the target
/// (<see cref="NeuronKind.CurrentWeightScale"/>). Biases: U(±1 / √fan_in) for uniform_fan_in, else 0.</para>
/// </remarks>
public static class SynapseStoreBuilder
{
    private const ulong WeightStream = 0x5745494748545331UL;
    private const ulong BiasStream = 0x4249415331UL;
    private const ulong RowStreamBase = 0x524F5753UL << 32;

    /// <summary>Builds every projection of <paramref name="spec"/>.</summary>
    public static SynapseStore Build(NetworkSpec spec) =>
        new(spec.Projections.Select(p => Build(spec, p)));

    /// <summary>Builds one projection of <paramref name="spec"/>.</summary>
    public static Projection Build(NetworkSpec spec, ProjectionSpec projection)
    {
        var source = spec.Population(projection.Source);
        var target = spec.Population(projection.Target);
        bool self = projection.Source == projection.Target;
        float delay = (float)projection.Delay;
        float[]? bias = projection.Bias ? BuildBias(projection, source.Size, target.Size) : null;
        var connect = projection.Connect;
        CheckSize(projection, source.Size, target.Size);
        if (connect.Rule == ConnectRule.AllToAll)
        {
            var weight = new float[(long)source.Size * target.Size];
            FillWeights(weight, projection, source, target);
            if (self && !connect.AllowSelf)
            {
                for (int i = 0; i < source.Size; i++)
                {
                    weight[(long)i * source.Size + i] = 0f;
                }
            }

            return Projection.Dense(projection.Name, source.Name, target.Name, source.Size, target.Size,
                projection.Receptor, weight, Filled(weight.Length, delay), bias);
        }

        var (rowStart, post) = connect.Rule switch
        {
            ConnectRule.OneToOne => OneToOne(source.Size),
            ConnectRule.FixedProbability => FixedProbability(connect, source.Size, target.Size, self),
            _ => FromList(connect.Pairs, source.Size),
        };
        var sparseWeight = new float[post.Length];
        FillWeights(sparseWeight, projection, source, target);
        return Projection.Sparse(projection.Name, source.Name, target.Name, source.Size, target.Size,
            projection.Receptor, rowStart, post, sparseWeight, Filled(post.Length, delay), bias);
    }

    /// <summary>
    /// A projection's arrays are .NET arrays: refuse, before allocating, one whose synapse count (expected count
    /// for fixed_probability) cannot fit in one. Not yet a loader rule: a file-format test builds such specs.
    /// </summary>
    private static void CheckSize(ProjectionSpec projection, int preCount, int postCount)
    {
        double pairs = (double)preCount * postCount;
        double expected = projection.Connect.Rule switch
        {
            ConnectRule.AllToAll => pairs,
            ConnectRule.FixedProbability => pairs * projection.Connect.P,
            _ => 0,
        };
        if (expected > Array.MaxLength)
        {
            throw new InvalidOperationException($"projection '{projection.Name}': {expected:E3} synapses do not fit "
                + $"in one array (at most {Array.MaxLength})");
        }
    }

    private static (int[] RowStart, int[] Post) OneToOne(int size)
    {
        var rowStart = new int[size + 1];
        var post = new int[size];
        for (int i = 0; i < size; i++)
        {
            rowStart[i + 1] = i + 1;
            post[i] = i;
        }

        return (rowStart, post);
    }

    private static (int[] RowStart, int[] Post) FixedProbability(ConnectSpec connect, int preCount, int postCount,
        bool self)
    {
        var rowStart = new int[preCount + 1];
        var post = new List<int>((int)Math.Min(int.MaxValue, connect.P * preCount * postCount * 1.1 + 16));
        double logQ = Math.Log(1.0 - connect.P);
        for (int pre = 0; pre < preCount; pre++)
        {
            var random = new SynapseRandom(connect.Seed, RowStreamBase + (ulong)pre);
            for (long candidate = NextGap(ref random, connect.P, logQ); candidate < postCount;
                 candidate += 1 + NextGap(ref random, connect.P, logQ))
            {
                if (!self || connect.AllowSelf || candidate != pre)
                {
                    post.Add((int)candidate);
                }
            }

            rowStart[pre + 1] = post.Count;
        }

        return (rowStart, [.. post]);
    }

    /// <summary>Number of failed Bernoulli(p) trials before the next success (geometric on {0, 1, ...}).</summary>
    private static long NextGap(ref SynapseRandom random, double p, double logQ)
    {
        if (p >= 1.0)
        {
            return 0;
        }

        if (p <= 0.0)
        {
            return long.MaxValue / 2;
        }

        double gap = Math.Floor(Math.Log(random.NextOpenDouble()) / logQ);
        return gap >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)gap;
    }

    private static (int[] RowStart, int[] Post) FromList(IReadOnlyList<(int Pre, int Post)> pairs, int preCount)
    {
        var rowStart = new int[preCount + 1];
        foreach (var (pre, _) in pairs)
        {
            rowStart[pre + 1]++;
        }

        for (int i = 0; i < preCount; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }

        var post = new int[pairs.Count];
        var next = (int[])rowStart.Clone();
        foreach (var (pre, target) in pairs)
        {
            post[next[pre]++] = target;
        }

        return (rowStart, post);
    }

    private static void FillWeights(float[] weight, ProjectionSpec projection, PopulationSpec source,
        PopulationSpec target)
    {
        var spec = projection.Weight;
        double scale = spec.Dimension == Dimension.Current
            ? (target.Kind.CurrentWeightScale ?? throw new InvalidOperationException(
                $"kind '{target.Kind.Name}' accepts pA weights but declares no CurrentWeightScale"))(target.Params)
            : 1.0;
        var random = new SynapseRandom(projection.Connect.Seed, WeightStream);
        double fanIn = source.Size;
        double fanOut = target.Size;
        switch (spec.Kind)
        {
            case WeightKind.Constant:
                Array.Fill(weight, (float)(spec.A * scale));
                break;
            case WeightKind.Normal:
                for (int k = 0; k < weight.Length; k++)
                {
                    weight[k] = (float)((spec.A + spec.B * random.NextNormal()) * scale);
                }

                break;
            case WeightKind.Uniform:
                FillUniform(weight, ref random, spec.A * scale, spec.B * scale);
                break;
            default:
                double bound = spec.Scheme switch
                {
                    "he_uniform" => Math.Sqrt(6.0 / fanIn),
                    "xavier_uniform" => Math.Sqrt(6.0 / (fanIn + fanOut)),
                    _ => 1.0 / Math.Sqrt(fanIn),
                };
                FillUniform(weight, ref random, -bound, bound);
                break;
        }
    }

    private static void FillUniform(float[] values, ref SynapseRandom random, double low, double high)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (float)(low + (high - low) * random.NextDouble());
        }
    }

    private static float[] BuildBias(ProjectionSpec projection, int preCount, int postCount)
    {
        var bias = new float[postCount];
        if (projection.Weight.Scheme == "uniform_fan_in")
        {
            var random = new SynapseRandom(projection.Connect.Seed, BiasStream);
            double bound = 1.0 / Math.Sqrt(preCount);
            FillUniform(bias, ref random, -bound, bound);
        }

        return bias;
    }

    private static float[] Filled(int length, float value)
    {
        var array = new float[length];
        Array.Fill(array, value);
        return array;
    }
}
