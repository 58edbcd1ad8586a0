using System.Text.Json.Nodes;
using NeuroSim.Core.Network;
using NeuroSim.Core.Plasticity;
using NeuroSim.Core.Units;

namespace NeuroSim.Learning.Plasticity;

/// <summary>
/// Reads a projection's "plasticity" section (docs/plasticity.md) into an <see cref="IPlasticityRule"/>, with
/// the loader's <see cref="SpecReader"/> so every mistake is reported with file, JSON path, rule and value.
/// Rules: "stdp" (<see cref="PairStdp"/>), "triplet_stdp" (<see cref="TripletStdp"/>), "reward_stdp"
/// (<see cref="RewardModulatedStdp"/>). Amplitudes and bounds are in the projection's weight unit (mV, pA, or a
/// plain number); multiplicative amplitudes are plain numbers.
/// </summary>
public static class PlasticitySectionReader
{
    /// <summary>The rule names this reader knows.</summary>
    public static IReadOnlyList<string> Rules { get; } = ["stdp", "triplet_stdp", "reward_stdp"];

    private static readonly string[] StdpKeys =
        ["rule", "a_plus", "a_minus", "tau_plus", "tau_minus", "w_min", "w_max", "pairing", "dependence"];

    private static readonly string[] TripletKeys =
        ["rule", "a2_plus", "a3_plus", "a2_minus", "a3_minus", "tau_plus", "tau_minus", "tau_x", "tau_y", "w_min",
         "w_max"];

    private static readonly string[] RewardKeys =
        ["rule", "a_plus", "a_minus", "tau_plus", "tau_minus", "tau_c", "learning_rate", "w_min", "w_max", "reward"];

    /// <summary>Registers the validators of every rule, so loading reports plasticity mistakes with the rest.</summary>
    public static NetworkLoadOptions Register(NetworkLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (string rule in Rules)
            options.RegisterPlasticity(rule, (reader, section, path) => Read(reader, section, path, 0.1, null));
        return options;
    }

    /// <summary>
    /// The rule of <paramref name="projection"/> (null when it has none), for a run with step
    /// <paramref name="dt"/> ms; <paramref name="reward"/> is the reward callback for "reward": "callback".
    /// </summary>
    /// <exception cref="NetworkValidationException">The section is invalid (normally caught at load time).</exception>
    public static IPlasticityRule? Create(NetworkSpec spec, ProjectionSpec projection, double dt,
        Func<double, double>? reward = null)
    {
        if (projection.Plasticity is null)
            return null;

        var reader = spec.CreateReader();
        var rule = Read(reader, projection.Plasticity, $"$.projections[{projection.Index}].plasticity", dt, reward);
        reader.ThrowIfErrors();
        return rule;
    }

    /// <summary>Reads (and validates) one section; returns null when there were errors.</summary>
    public static IPlasticityRule? Read(SpecReader r, JsonObject section, string path, double dt,
        Func<double, double>? reward)
    {
        int before = r.Errors.Count;
        string? name = r.GetString(section, path, "rule");
        IPlasticityRule? rule = name switch
        {
            "stdp" => ReadStdp(r, section, path),
            "triplet_stdp" => ReadTriplet(r, section, path),
            "reward_stdp" => ReadReward(r, section, path, dt, reward),
            _ => Unknown(r, path, name),
        };
        return r.Errors.Count > before ? null : rule;
    }

    private static IPlasticityRule? Unknown(SpecReader r, string path, string? name)
    {
        if (name is not null)
            r.Error(SpecPath.Property(path, "rule"), $"unknown plasticity rule (known: {string.Join(", ", Rules)})",
                    name);
        return null;
    }

    private static PairStdp? ReadStdp(SpecReader r, JsonObject s, string path)
    {
        r.AllowOnly(s, path, StdpKeys);
        string pairing = r.GetChoice(s, path, "pairing", ["all_to_all", "nearest"], "all_to_all") ?? "all_to_all";
        string dependence = r.GetChoice(s, path, "dependence", ["additive", "multiplicative"], "additive")
                            ?? "additive";
        bool mult = dependence == "multiplicative";
        double? aPlus = Amplitude(r, s, path, "a_plus", mult), aMinus = Amplitude(r, s, path, "a_minus", mult);
        double? tauPlus = Tau(r, s, path, "tau_plus"), tauMinus = Tau(r, s, path, "tau_minus");
        var (wMin, wMax) = Bounds(r, s, path);
        if (aPlus is null || aMinus is null || tauPlus is null || tauMinus is null || wMin is null || wMax is null)
            return null;

        return new PairStdp(new PairStdpParameters(aPlus.Value, aMinus.Value, tauPlus.Value, tauMinus.Value, wMin.Value,
            wMax.Value, pairing == "nearest" ? StdpPairing.Nearest : StdpPairing.AllToAll,
            mult ? WeightDependence.Multiplicative : WeightDependence.Additive));
    }

    private static TripletStdp? ReadTriplet(SpecReader r, JsonObject s, string path)
    {
        r.AllowOnly(s, path, TripletKeys);
        double? a2p = Amplitude(r, s, path, "a2_plus", false), a3p = Amplitude(r, s, path, "a3_plus", false);
        double? a2m = Amplitude(r, s, path, "a2_minus", false), a3m = Amplitude(r, s, path, "a3_minus", false);
        double? tp = Tau(r, s, path, "tau_plus"), tm = Tau(r, s, path, "tau_minus");
        double? tx = Tau(r, s, path, "tau_x"), ty = Tau(r, s, path, "tau_y");
        var (wMin, wMax) = Bounds(r, s, path);
        if (a2p is null || a3p is null || a2m is null || a3m is null || tp is null || tm is null || tx is null
            || ty is null || wMin is null || wMax is null)
            return null;

        return new TripletStdp(new TripletStdpParameters(a2p.Value, a3p.Value, a2m.Value, a3m.Value, tp.Value, tm.Value,
            tx.Value, ty.Value, wMin.Value, wMax.Value));
    }

    private static RewardModulatedStdp? ReadReward(SpecReader r, JsonObject s, string path, double dt,
        Func<double, double>? callback)
    {
        r.AllowOnly(s, path, RewardKeys);
        double? aPlus = Amplitude(r, s, path, "a_plus", false), aMinus = Amplitude(r, s, path, "a_minus", false);
        double? tp = Tau(r, s, path, "tau_plus"), tm = Tau(r, s, path, "tau_minus"), tc = Tau(r, s, path, "tau_c");
        double? eta = r.GetNumber(s, path, "learning_rate");
        var (wMin, wMax) = Bounds(r, s, path);
        var reward = ReadRewardSignal(r, s, SpecPath.Property(path, "reward"), callback);
        if (aPlus is null || aMinus is null || tp is null || tm is null || tc is null || eta is null || wMin is null
            || wMax is null || reward is null)
            return null;

        return new RewardModulatedStdp(new RewardModulatedStdpParameters(aPlus.Value, aMinus.Value, tp.Value, tm.Value,
            tc.Value, eta.Value, dt, wMin.Value, wMax.Value, reward));
    }

    // "reward": a number (constant), [["0 ms", 0], ["500 ms", 1], ...] (piecewise constant from each time on),
    // or "callback" (given through the API).
    private static Func<double, double>? ReadRewardSignal(SpecReader r, JsonObject s, string path,
        Func<double, double>? callback)
    {
        var node = s["reward"];
        if (node is null)
        {
            r.Error(path, "is required (a number, a schedule [[time, value], ...] or \"callback\")");
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out double constant))
            return _ => constant;

        if (node is JsonValue sv && sv.TryGetValue(out string? text))
        {
            if (text == "callback" && callback is not null)
                return callback;
            r.Error(path, text == "callback" ? "\"callback\" needs a reward function given through the API"
                : "must be a number, a schedule [[time, value], ...] or \"callback\"", text);
            return null;
        }

        var items = r.AsArray(node, path);
        if (items is null)
            return null;

        var times = new List<double>();
        var values = new List<double>();
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            if (items[i] is not JsonArray pair || pair.Count != 2)
            {
                r.Error(itemPath, "must be a pair [time, value]", SpecReader.Describe(items[i]));
                continue;
            }

            double? t = r.ReadQuantity(pair[0], itemPath + "[0]", Dimension.Time);
            double? value = r.ReadQuantity(pair[1], itemPath + "[1]", Dimension.Dimensionless);
            if (t is null || value is null)
                continue;
            if (times.Count > 0 && !(t > times[^1]))
                r.Error(itemPath + "[0]", "schedule times must increase", SpecReader.Describe(pair[0]));
            times.Add(t.Value);
            values.Add(value.Value);
        }

        var ts = times.ToArray();
        var vs = values.ToArray();
        return t =>
        {
            int k = Array.BinarySearch(ts, t);
            k = k >= 0 ? k : ~k - 1;
            return k < 0 ? 0 : vs[k];
        };
    }

    private static double? Tau(SpecReader r, JsonObject s, string path, string key)
    {
        double? tau = r.GetQuantity(s, path, key, Dimension.Time);
        if (tau is double t && !(t > 0))
        {
            r.Error(SpecPath.Property(path, key), "must be > 0 ms", SpecReader.Describe(s[key]));
            return null;
        }

        return tau;
    }

    // Additive amplitudes share the weight's unit (mV, pA or plain); multiplicative ones are plain numbers.
    private static double? Amplitude(SpecReader r, JsonObject s, string path, string key, bool dimensionless)
    {
        string keyPath = SpecPath.Property(path, key);
        if (!s.ContainsKey(key))
        {
            r.Error(keyPath,
                    dimensionless ? "is required (a plain number)" : "is required (a weight, e.g. \"0.01 mV\")");
            return null;
        }

        double? a = dimensionless
            ? r.ReadQuantity(s[key], keyPath, Dimension.Dimensionless)
            : Weight(r, s[key], keyPath);
        if (a is double x && !(x >= 0))
        {
            r.Error(keyPath, "must be >= 0 (the sign is the rule's)", SpecReader.Describe(s[key]));
            return null;
        }

        return a;
    }

    private static (double? Min, double? Max) Bounds(SpecReader r, JsonObject s, string path)
    {
        double? wMin = s.ContainsKey("w_min") ? Weight(r, s["w_min"], SpecPath.Property(path, "w_min")) : null;
        double? wMax = s.ContainsKey("w_max") ? Weight(r, s["w_max"], SpecPath.Property(path, "w_max")) : null;
        if (!s.ContainsKey("w_min"))
            r.Error(SpecPath.Property(path, "w_min"), "is required (a weight, e.g. \"0 mV\")");
        if (!s.ContainsKey("w_max"))
            r.Error(SpecPath.Property(path, "w_max"), "is required (a weight, e.g. \"1 mV\")");
        if (wMin is double lo && wMax is double hi && !(lo <= hi))
        {
            r.Error(SpecPath.Property(path, "w_max"), "must be >= w_min", SpecReader.Describe(s["w_max"]));
            return (null, null);
        }

        return (wMin, wMax);
    }

    private static double? Weight(SpecReader r, JsonNode? node, string path)
    {
        var q = r.ReadAnyQuantity(node, path, node?.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? Dimension.Dimensionless : Dimension.Voltage);
        if (q is not Quantity quantity)
            return null;
        if (quantity.Dimension is not (Dimension.Voltage or Dimension.Current or Dimension.Dimensionless))
        {
            r.Error(path, "must be a weight (mV, pA or a plain number)", SpecReader.Describe(node));
            return null;
        }

        return quantity.Value;
    }
}
