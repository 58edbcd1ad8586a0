using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>Reads "populations[]": name, size, kind, params (checked against the kind), init, spike_times.</summary>
internal sealed class PopulationSectionReader(LoadContext c)
{
    private static readonly string[] PopulationKeys = ["name", "size", "kind", "params", "init", "spike_times"];

    private readonly SpecReader r = c.Reader;

    public PopulationSpec? ReadPopulation(JsonObject obj, string path, int index)
    {
        r.AllowOnly(obj, path, PopulationKeys);
        string? name = r.GetString(obj, path, "name");
        long? size = r.GetInteger(obj, path, "size", null, 1, int.MaxValue);
        string? kindName = r.GetString(obj, path, "kind");
        NeuronKind? kind = null;
        if (kindName is not null && !c.Options.Catalog.TryGet(kindName, out kind))
        {
            string known = string.Join(", ", c.Options.Catalog.Kinds.Select(k => k.Name));
            r.Error(SpecPath.Property(path, "kind"), $"unknown neuron kind (known: {known})", kindName);
        }

        if (name is not null && c.IsPopulationName(name))
        {
            r.Error(SpecPath.Property(path, "name"), "duplicate population name", name);
            name = null;
        }

        var parameters = kind is null ? null : ReadParams(obj, path, kind);
        var init = kind is null ? null : ReadInit(obj, path, kind);
        bool spikeTimesOk = ReadSpikeTimes(obj, path, kind, size, out var spikeTimes);
        if (name is null || size is null || kind is null || parameters is null || init is null || !spikeTimesOk)
        {
            if (name is not null)
            {
                c.AddInvalidPopulation(name);
            }

            return null;
        }

        var population = new PopulationSpec(index, name, (int)size.Value, kind,
            new ReadOnlyDictionary<string, double>(parameters), new ReadOnlyDictionary<string, InitSpec>(init))
        {
            SpikeTimes = spikeTimes,
        };
        c.AddPopulation(population);
        return population;
    }

    /// <summary>
    /// Reads "spike_times": one array of times per neuron (ascending, >= 0), required for kinds that take spike
    /// times and an error on any other kind. False when an error was recorded.
    /// </summary>
    private bool ReadSpikeTimes(JsonObject obj, string path, NeuronKind? kind, long? size,
        out IReadOnlyList<IReadOnlyList<double>>? spikeTimes)
    {
        spikeTimes = null;
        string timesPath = SpecPath.Property(path, "spike_times");
        if (kind is null)
        {
            return true;
        }

        if (!kind.AcceptsSpikeTimes)
        {
            if (obj.ContainsKey("spike_times"))
            {
                r.Error(timesPath, $"only kinds that take spike times (such as spike_times) have this key; "
                    + $"this population is '{kind.Name}'", "spike_times");
                return false;
            }

            return true;
        }

        var array = r.AsArray(obj["spike_times"], timesPath);
        if (array is null)
        {
            return false;
        }

        if (size is long n && array.Count != n)
        {
            r.Error(timesPath, $"must hold one array of times per neuron ({n})", $"{array.Count} arrays");
            return false;
        }

        int errorsBefore = r.Errors.Count;
        var all = new List<IReadOnlyList<double>>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            all.Add(ReadNeuronSpikeTimes(array[i], SpecPath.Index(timesPath, i)));
        }

        spikeTimes = all.AsReadOnly();
        return r.Errors.Count == errorsBefore;
    }

    private IReadOnlyList<double> ReadNeuronSpikeTimes(JsonNode? node, string path)
    {
        var times = new List<double>();
        var array = r.AsArray(node, path);
        for (int k = 0; k < (array?.Count ?? 0); k++)
        {
            string timePath = SpecPath.Index(path, k);
            if (r.ReadQuantity(array![k], timePath, Dimension.Time) is not double t)
            {
                continue;
            }

            if (t < 0 || (times.Count > 0 && t < times[^1]))
            {
                r.Error(timePath, "spike times must be >= 0 ms and ascending", Quantity.Format(t, Dimension.Time));
                continue;
            }

            times.Add(t);
        }

        return times.AsReadOnly();
    }

    private Dictionary<string, double>? ReadParams(JsonObject obj, string path, NeuronKind kind)
    {
        string paramsPath = SpecPath.Property(path, "params");
        var given = obj.ContainsKey("params") ? r.AsObject(obj["params"], paramsPath) : [];
        if (given is null)
        {
            return null;
        }

        int errorsBefore = r.Errors.Count;
        r.AllowOnly(given, paramsPath, kind.Parameters.Select(p => p.Name).ToArray());
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in kind.Parameters)
        {
            string keyPath = SpecPath.Property(paramsPath, parameter.Name);
            if (!given.ContainsKey(parameter.Name))
            {
                if (parameter.Default is double fallback)
                {
                    values[parameter.Name] = fallback;
                }
                else if (parameter.Required)
                {
                    r.Error(keyPath, $"is required for kind '{kind.Name}' "
                        + $"({UnitTable.DimensionName(parameter.Dimension)})");
                }

                continue;
            }

            if (r.ReadQuantity(given[parameter.Name], keyPath, parameter.Dimension) is double value
                && c.CheckRule(keyPath, value, parameter.Rule, parameter.Dimension))
            {
                values[parameter.Name] = value;
            }
        }

        if (r.Errors.Count > errorsBefore)
        {
            return null;
        }

        var givenNames = given.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        kind.Check?.Invoke(values, givenNames, (param, rule, value) =>
            r.Error(SpecPath.Property(paramsPath, param), rule, value));
        return r.Errors.Count > errorsBefore ? null : values;
    }

    private Dictionary<string, InitSpec>? ReadInit(JsonObject obj, string path, NeuronKind kind)
    {
        string initPath = SpecPath.Property(path, "init");
        var given = obj.ContainsKey("init") ? r.AsObject(obj["init"], initPath) : [];
        if (given is null)
        {
            return null;
        }

        int errorsBefore = r.Errors.Count;
        var result = new Dictionary<string, InitSpec>(StringComparer.Ordinal);
        foreach (var (variable, node) in given)
        {
            string keyPath = SpecPath.Property(initPath, variable);
            var state = kind.FindState(variable);
            if (state is null)
            {
                string known = kind.StateVariables.Count == 0
                    ? "none" : string.Join(", ", kind.StateVariables.Select(s => s.Name));
                r.Error(keyPath, $"unknown state variable of kind '{kind.Name}' (known: {known})", variable);
                continue;
            }

            if (ReadDistribution(node, keyPath, state.Dimension) is var (distribution, a, b))
            {
                result[variable] = new InitSpec(distribution, a, b);
            }
        }

        return r.Errors.Count > errorsBefore ? null : result;
    }

    /// <summary>Reads "X", { "uniform": [lo, hi] } or { "normal": [mean, std] } of one dimension.</summary>
    private (InitKind, double, double)? ReadDistribution(JsonNode? node, string path, Dimension dimension)
    {
        if (node is not JsonObject obj)
        {
            return r.ReadQuantity(node, path, dimension) is double constant
                ? (InitKind.Constant, constant, 0) : null;
        }

        var pair = c.ReadPair(obj, path, dimension, out string? which);
        if (pair is not var (a, b) || which is null)
        {
            return null;
        }

        return which == "uniform" ? (InitKind.Uniform, a.Value, b.Value) : (InitKind.Normal, a.Value, b.Value);
    }
}
