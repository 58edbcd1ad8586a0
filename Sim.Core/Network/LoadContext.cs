using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// State shared by the section readers while one file loads: the error list, the options, and the populations
/// read so far (valid ones by name; names of invalid ones, so references to them are not reported twice).
/// Also the small readers several sections use (value pairs, neuron index lists, arrays of objects, rules).
/// </summary>
internal sealed class LoadContext(SpecReader reader, NetworkLoadOptions options)
{
    private readonly Dictionary<string, PopulationSpec> _populations = new(StringComparer.Ordinal);

    private readonly HashSet<string> _invalidPopulations = new(StringComparer.Ordinal);

    private readonly SpecReader r = reader;

    public SpecReader Reader => r;

    public NetworkLoadOptions Options => options;

    /// <summary>True when a population of this name was read (valid or not).</summary>
    public bool IsPopulationName(string name) => _populations.ContainsKey(name) || _invalidPopulations.Contains(name);

    /// <summary>Remembers a valid population.</summary>
    public void AddPopulation(PopulationSpec population) => _populations[population.Name] = population;

    /// <summary>Remembers the name of a population that failed validation.</summary>
    public void AddInvalidPopulation(string name) => _invalidPopulations.Add(name);

    /// <summary>
    /// The valid population called <paramref name="name"/>; null when the name is null, when the population
    /// was invalid (already reported), or when it does not exist (reported here with the known names).
    /// </summary>
    public PopulationSpec? FindPopulation(string? name, string path)
    {
        if (name is null)
        {
            return null;
        }

        if (_populations.TryGetValue(name, out var population))
        {
            return population;
        }

        if (_invalidPopulations.Contains(name))
        {
            return null;
        }

        var names = _populations.Keys.Concat(_invalidPopulations).Order(StringComparer.Ordinal);
        string known = string.Join(", ", names);
        r.Error(path, $"no population with this name (populations: {known})", name);
        return null;
    }

    /// <summary>
    /// Reads a one-key object { "uniform" | "normal": [a, b] }. With a <paramref name="dimension"/> both
    /// values must have it; without one they may have any dimension (plain numbers included) but must agree.
    /// </summary>
    public (Quantity, Quantity)? ReadPair(JsonObject obj, string path, Dimension? dimension, out string? which)
    {
        which = null;
        if (obj.Count != 1 || !(obj.ContainsKey("uniform") || obj.ContainsKey("normal")))
        {
            r.Error(path, "must be a value or an object with one key, \"uniform\": [low, high] or "
                + "\"normal\": [mean, std]", SpecReader.Describe(obj));
            return null;
        }

        which = obj.ContainsKey("uniform") ? "uniform" : "normal";
        string pairPath = SpecPath.Property(path, which);
        var array = r.AsArray(obj[which], pairPath);
        if (array is null)
        {
            return null;
        }

        if (array.Count != 2)
        {
            r.Error(pairPath, "must hold exactly two values", SpecReader.Describe(array));
            return null;
        }

        var a = ReadPairValue(array[0], SpecPath.Index(pairPath, 0), dimension);
        var b = ReadPairValue(array[1], SpecPath.Index(pairPath, 1), dimension);
        if (a is not Quantity first || b is not Quantity second)
        {
            return null;
        }

        if (first.Dimension != second.Dimension)
        {
            r.Error(pairPath, "both values must have the same dimension", SpecReader.Describe(array));
            return null;
        }

        if (which == "uniform" && first.Value > second.Value)
        {
            r.Error(pairPath, "low must not exceed high", SpecReader.Describe(array));
            return null;
        }

        if (which == "normal" && second.Value < 0)
        {
            r.Error(SpecPath.Index(pairPath, 1), "standard deviation must be >= 0", SpecReader.Describe(array[1]));
            return null;
        }

        return (first, second);
    }

    private Quantity? ReadPairValue(JsonNode? node, string path, Dimension? dimension)
    {
        if (dimension is Dimension d)
        {
            return r.ReadQuantity(node, path, d) is double value ? new Quantity(value, d) : null;
        }

        return node?.GetValueKind() == JsonValueKind.Number
            ? r.ReadAnyQuantity(node, path, Dimension.Dimensionless)
            : r.ReadAnyQuantity(node, path, Dimension.Voltage);
    }

    public IReadOnlyList<int>? ReadNeurons(JsonObject obj, string path, PopulationSpec? population)
    {
        string neuronsPath = SpecPath.Property(path, "neurons");
        var array = r.GetOptionalArray(obj, path, "neurons");
        if (array is null)
        {
            return null;
        }

        var neurons = new List<int>(array.Count);
        int errorsBefore = r.Errors.Count;
        long max = (population?.Size ?? int.MaxValue) - 1L;
        for (int i = 0; i < array.Count; i++)
        {
            if (r.ReadInteger(array[i], SpecPath.Index(neuronsPath, i), 0, max) is long n)
            {
                neurons.Add((int)n);
            }
        }

        return r.Errors.Count > errorsBefore ? null : neurons.AsReadOnly();
    }

    /// <summary>Reads an array of objects at parentPath.key, item by item; invalid items are left out.</summary>
    public IReadOnlyList<T> ReadList<T>(JsonObject parent, string key, bool required,
        Func<JsonObject, string, int, T?> readItem, string parentPath = SpecPath.Root)
        where T : class
    {
        string path = SpecPath.Property(parentPath, key);
        if (!parent.ContainsKey(key))
        {
            if (required)
            {
                r.Error(path, "is required (an array)");
            }

            return [];
        }

        var array = r.AsArray(parent[key], path);
        var items = new List<T>();
        for (int i = 0; i < (array?.Count ?? 0); i++)
        {
            string itemPath = SpecPath.Index(path, i);
            if (r.AsObject(array![i], itemPath) is JsonObject item && readItem(item, itemPath, i) is T value)
            {
                items.Add(value);
            }
        }

        return items.AsReadOnly();
    }

    /// <summary>A quantity with a fallback that must be &gt; 0.</summary>
    public double? Positive(JsonObject obj, string path, string key, Dimension dimension, double fallback)
    {
        double? value = r.GetQuantity(obj, path, key, dimension, fallback);
        if (value is double v && !CheckRule(SpecPath.Property(path, key), v, ParamRule.Positive, dimension))
        {
            return null;
        }

        return value;
    }

    /// <summary>Checks a parameter rule, recording "must be &gt; 0 ms (got -5 ms)" style errors.</summary>
    public bool CheckRule(string path, double value, ParamRule rule, Dimension dimension)
    {
        string unit = UnitTable.CanonicalUnit(dimension);
        string zero = unit.Length == 0 ? "0" : $"0 {unit}";
        string? broken = rule switch
        {
            ParamRule.Positive when value <= 0 => $"must be > {zero}",
            ParamRule.NonNegative when value < 0 => $"must be >= {zero}",
            _ => null,
        };
        if (broken is null)
        {
            return true;
        }

        r.Error(path, broken, Quantity.Format(value, dimension));
        return false;
    }
}
