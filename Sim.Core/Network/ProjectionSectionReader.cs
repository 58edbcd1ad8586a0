using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>Reads "projections[]": source, target, receptor, connect, weight, bias, delay, plasticity.</summary>
internal sealed class ProjectionSectionReader(LoadContext c)
{
    private static readonly string[] ProjectionKeys =
        ["name", "source", "target", "receptor", "connect", "weight", "bias", "delay", "plasticity"];

    private static readonly string[] Receptors = ["exc", "inh"];

    private static readonly string[] Rules = ["all_to_all", "one_to_one", "fixed_probability", "list"];

    private readonly SpecReader r = c.Reader;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public ProjectionSpec? ReadProjection(JsonObject obj, string path, int index, SimulationSpec? simulation)
    {
        r.AllowOnly(obj, path, ProjectionKeys);
        string? source = r.GetString(obj, path, "source");
        string? target = r.GetString(obj, path, "target");
        var sourcePop = c.FindPopulation(source, SpecPath.Property(path, "source"));
        var targetPop = c.FindPopulation(target, SpecPath.Property(path, "target"));
        string? receptor = r.GetChoice(obj, path, "receptor", Receptors, "exc");
        string? name = ReadName(obj, path, source, target);
        var connect = ReadConnect(obj, path, index, simulation, sourcePop, targetPop);
        var weight = ReadWeight(obj, path, targetPop);
        bool? bias = r.GetBool(obj, path, "bias", false);
        double? delay = r.GetQuantity(obj, path, "delay", Dimension.Time, 0.0);
        var plasticity = ReadPlasticity(obj, path);
        CheckTargetReceives(targetPop, SpecPath.Property(path, "target"));
        if (delay is double d)
        {
            CheckDelay(d, SpecPath.Property(path, "delay"), simulation);
        }

        if (bias == true && weight is not null && weight.Dimension != Dimension.Dimensionless)
        {
            r.Error(SpecPath.Property(path, "bias"), "a bias needs dimensionless (ANN) weights", "true");
        }

        if (name is null || source is null || target is null || receptor is null || connect is null
            || weight is null || bias is null || delay is null)
        {
            return null;
        }

        return new ProjectionSpec(index, name, source, target,
            receptor == "inh" ? Receptor.Inhibitory : Receptor.Excitatory, connect, weight, bias.Value,
            delay.Value, plasticity);
    }

    /// <summary>
    /// An explicit name must be unique; a default name "SOURCE_TARGET" gets "_2", "_3", ... if taken.
    /// </summary>
    private string? ReadName(JsonObject obj, string path, string? source, string? target)
    {
        if (obj.ContainsKey("name"))
        {
            string? given = r.GetString(obj, path, "name");
            if (given is not null && !_names.Add(given))
            {
                r.Error(SpecPath.Property(path, "name"), "duplicate projection name", given);
                return null;
            }

            return given;
        }

        string name = $"{source}_{target}";
        for (int suffix = 2; !_names.Add(name); suffix++)
        {
            name = $"{source}_{target}_{suffix}";
        }

        return name;
    }

    private void CheckTargetReceives(PopulationSpec? target, string path)
    {
        if (target is not null && target.Kind.WeightDimensions.Count == 0)
        {
            r.Error(path, $"kind '{target.Kind.Name}' ({target.Kind.Family}) cannot receive projections",
                target.Name);
        }
    }

    private void CheckDelay(double delay, string path, SimulationSpec? simulation)
    {
        if (delay < 0)
        {
            r.Error(path, "must be >= 0 ms", Quantity.Format(delay, Dimension.Time));
        }
        else if (simulation is { Engine: EngineKind.Clock } && !simulation.IsWholeSteps(delay))
        {
            r.Error(path, "must be a whole number of steps of dt "
                + $"({Quantity.Format(simulation.Dt, Dimension.Time)}) for the clock engine",
                Quantity.Format(delay, Dimension.Time));
        }
    }

    private ConnectSpec? ReadConnect(JsonObject obj, string path, int index, SimulationSpec? simulation,
        PopulationSpec? source, PopulationSpec? target)
    {
        string connectPath = SpecPath.Property(path, "connect");
        var connect = r.GetObject(obj, path, "connect");
        if (connect is null)
        {
            return null;
        }

        string? rule = r.GetChoice(connect, connectPath, "rule", Rules);
        if (rule is null)
        {
            return null;
        }

        r.AllowOnly(connect, connectPath, rule switch
        {
            "all_to_all" => ["rule", "seed", "allow_self"],
            "one_to_one" => ["rule", "seed"],
            "fixed_probability" => ["rule", "p", "seed", "allow_self"],
            _ => ["rule", "seed", "pairs"],
        });
        double p = rule == "fixed_probability" ? r.GetNumber(connect, connectPath, "p", null, 0, 1) ?? -1 : 0;
        long fallbackSeed = DeriveSeed(simulation?.Seed ?? 0, index);
        long? seed = r.GetInteger(connect, connectPath, "seed", fallbackSeed, 0);
        bool? allowSelf = r.GetBool(connect, connectPath, "allow_self", rule == "all_to_all");
        var pairs = rule == "list" ? ReadPairs(connect, connectPath, source, target) : [];
        if (rule == "one_to_one" && source is not null && target is not null && source.Size != target.Size)
        {
            r.Error(SpecPath.Property(connectPath, "rule"),
                $"one_to_one needs equal sizes (source {source.Size}, target {target.Size})", rule);
        }

        if (p < 0 || seed is null || allowSelf is null || pairs is null)
        {
            return null;
        }

        var connectRule = rule switch
        {
            "all_to_all" => ConnectRule.AllToAll,
            "one_to_one" => ConnectRule.OneToOne,
            "fixed_probability" => ConnectRule.FixedProbability,
            _ => ConnectRule.List,
        };
        return new ConnectSpec(connectRule, p, seed.Value, allowSelf.Value, pairs);
    }

    /// <summary>A projection seed from the master seed and the projection's index (SplitMix64 finaliser).</summary>
    private static long DeriveSeed(long master, int index)
    {
        ulong z = (ulong)master + 0x9E3779B97F4A7C15UL * (ulong)(index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) >> 1);
    }

    private IReadOnlyList<(int, int)>? ReadPairs(JsonObject connect, string path, PopulationSpec? source,
        PopulationSpec? target)
    {
        string pairsPath = SpecPath.Property(path, "pairs");
        var array = connect.ContainsKey("pairs") ? r.AsArray(connect["pairs"], pairsPath) : null;
        if (array is null)
        {
            if (!connect.ContainsKey("pairs"))
            {
                r.Error(pairsPath, "is required for rule list (an array of [pre, post])");
            }

            return null;
        }

        int errorsBefore = r.Errors.Count;
        var pairs = new List<(int, int)>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            string pairPath = SpecPath.Index(pairsPath, i);
            if (array[i] is not JsonArray pair || pair.Count != 2)
            {
                r.Error(pairPath, "must be [pre, post]", SpecReader.Describe(array[i]));
                continue;
            }

            long? pre = r.ReadInteger(pair[0], SpecPath.Index(pairPath, 0), 0, (source?.Size ?? int.MaxValue) - 1);
            long? post = r.ReadInteger(pair[1], SpecPath.Index(pairPath, 1), 0, (target?.Size ?? int.MaxValue) - 1);
            if (pre is not null && post is not null)
            {
                pairs.Add(((int)pre.Value, (int)post.Value));
            }
        }

        return r.Errors.Count > errorsBefore ? null : pairs.AsReadOnly();
    }

    private WeightSpec? ReadWeight(JsonObject obj, string path, PopulationSpec? target)
    {
        string weightPath = SpecPath.Property(path, "weight");
        if (!obj.ContainsKey("weight"))
        {
            r.Error(weightPath, "is required");
            return null;
        }

        var node = obj["weight"];
        WeightSpec? weight;
        if (node is JsonObject weightObject && weightObject.ContainsKey("init"))
        {
            weight = ReadInitScheme(weightObject, weightPath);
        }
        else if (node is JsonObject distribution)
        {
            weight = ReadWeightDistribution(distribution, weightPath);
        }
        else
        {
            var quantity = r.ReadAnyQuantity(node, weightPath, WeightExpectation(target));
            weight = quantity is Quantity q ? new WeightSpec(WeightKind.Constant, q.Dimension, q.Value) : null;
        }

        if (weight is not null && target is not null && target.Kind.WeightDimensions.Count > 0
            && !target.Kind.AcceptsWeight(weight.Dimension))
        {
            string accepted = string.Join(" or ", target.Kind.WeightDimensions.Select(UnitTable.DimensionName));
            r.Error(weightPath, $"target '{target.Name}' (kind {target.Kind.Name}) needs weights as {accepted}",
                SpecReader.Describe(node));
            return null;
        }

        return weight;
    }

    private static Dimension WeightExpectation(PopulationSpec? target) =>
        target?.Kind.WeightDimensions.FirstOrDefault() ?? Dimension.Voltage;

    private WeightSpec? ReadInitScheme(JsonObject obj, string path)
    {
        r.AllowOnly(obj, path, "init");
        string? scheme = r.GetChoice(obj, path, "init", [.. WeightSpec.Schemes]);
        return scheme is null ? null : new WeightSpec(WeightKind.Init, Dimension.Dimensionless, 0, 0, scheme);
    }

    private WeightSpec? ReadWeightDistribution(JsonObject obj, string path)
    {
        var pair = c.ReadPair(obj, path, null, out string? which);
        if (pair is not var (a, b) || which is null)
        {
            return null;
        }

        return new WeightSpec(which == "uniform" ? WeightKind.Uniform : WeightKind.Normal, a.Dimension, a.Value,
            b.Value);
    }

    private JsonObject? ReadPlasticity(JsonObject obj, string path)
    {
        string plasticityPath = SpecPath.Property(path, "plasticity");
        var plasticity = r.GetOptionalObject(obj, path, "plasticity");
        if (plasticity is null)
        {
            return null;
        }

        string? rule = r.GetString(plasticity, plasticityPath, "rule");
        if (rule is null)
        {
            return null;
        }

        if (!c.Options.TryGetPlasticity(rule, out var validator))
        {
            string known = c.Options.PlasticityRules.Count == 0 ? "none registered"
                : string.Join(", ", c.Options.PlasticityRules);
            r.Error(SpecPath.Property(plasticityPath, "rule"), $"unknown plasticity rule (known: {known})", rule);
            return null;
        }

        validator(r, plasticity, plasticityPath);
        return plasticity.DeepClone().AsObject(); // detached from the parsed file
    }
}
