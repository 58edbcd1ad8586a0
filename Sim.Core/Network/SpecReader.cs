using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Typed getters over a parsed network file that record problems instead of throwing, so that one pass
/// reports every mistake (STYLE habit 4). Each getter takes the JSON path of the object it reads from; an
/// error names the file, that path plus the key, the line (from <see cref="SpecLineMap"/>), the rule and the
/// value found. Sections owned by other projects (training, plasticity) are read with the same instance so
/// their errors join the same report.
/// </summary>
/// <remarks>
/// Conventions: a getter without a fallback treats the key as required ("is required"); one with a fallback
/// returns it when the key is missing; <c>GetOptional...</c> returns null when the key is missing. On a bad
/// value every getter records an error and returns null. Quantities must be strings with a unit of the right
/// dimension ("20 ms"); plain JSON numbers are accepted only for dimensionless fields.
/// </remarks>
public sealed class SpecReader
{
    private readonly List<SpecError> _errors = [];

    /// <summary>
    /// Creates a reader for errors in <paramref name="file"/>, with line numbers from <paramref name="lines"/>.
    /// </summary>
    public SpecReader(string file, SpecLineMap? lines = null)
    {
        File = file;
        Lines = lines ?? SpecLineMap.Empty;
    }

    /// <summary>The file name used in errors.</summary>
    public string File { get; }

    /// <summary>Line numbers by JSON path.</summary>
    public SpecLineMap Lines { get; }

    /// <summary>Every error recorded so far, in the order found.</summary>
    public IReadOnlyList<SpecError> Errors => _errors;

    /// <summary>True once any error has been recorded.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records an error at <paramref name="path"/> with the rule broken and the value found.</summary>
    public void Error(string path, string rule, string? value = null) =>
        _errors.Add(new SpecError(File, path, Lines.LineOf(path), rule, value));

    /// <summary>Throws <see cref="NetworkValidationException"/> with every recorded error, if there is any.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new NetworkValidationException([.. _errors]);
        }
    }

    /// <summary>Text of a JSON value for error messages: strings without quotes, others as JSON.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        string json = node.ToJsonString();
        return json.Length > 60 ? json[..57] + "..." : json;
    }

    /// <summary>
    /// Records "unknown key" errors for keys of <paramref name="obj"/> not in <paramref name="allowed"/>.
    /// </summary>
    public void AllowOnly(JsonObject obj, string path, params IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key))
            {
                Error(SpecPath.Property(path, key), $"unknown key (allowed: {string.Join(", ", allowed)})", key);
            }
        }
    }

    /// <summary>The node at <paramref name="path"/> as an object, or an error ("must be an object").</summary>
    public JsonObject? AsObject(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        string rule = node is null ? "is required (an object)" : "must be an object";
        Error(path, rule, node is null ? null : Describe(node));
        return null;
    }

    /// <summary>The node at <paramref name="path"/> as an array, or an error ("must be an array").</summary>
    public JsonArray? AsArray(JsonNode? node, string path)
    {
        if (node is JsonArray array)
        {
            return array;
        }

        Error(path, node is null ? "is required (an array)" : "must be an array", node is null ? null : Describe(node));
        return null;
    }

    /// <summary>A required object property.</summary>
    public JsonObject? GetObject(JsonObject obj, string path, string key) =>
        AsObject(obj[key], SpecPath.Property(path, key));

    /// <summary>An optional object property: null, without error, when missing.</summary>
    public JsonObject? GetOptionalObject(JsonObject obj, string path, string key) =>
        obj.ContainsKey(key) ? AsObject(obj[key], SpecPath.Property(path, key)) : null;

    /// <summary>An optional array property: null, without error, when missing.</summary>
    public JsonArray? GetOptionalArray(JsonObject obj, string path, string key) =>
        obj.ContainsKey(key) ? AsArray(obj[key], SpecPath.Property(path, key)) : null;

    /// <summary>A required string property.</summary>
    public string? GetString(JsonObject obj, string path, string key) =>
        ReadString(obj[key], SpecPath.Property(path, key), obj.ContainsKey(key));

    /// <summary>A string property with a fallback for when it is missing.</summary>
    public string? GetString(JsonObject obj, string path, string key, string fallback) =>
        obj.ContainsKey(key) ? ReadString(obj[key], SpecPath.Property(path, key), true) : fallback;

    /// <summary>
    /// A string that must be one of <paramref name="choices"/>; required when <paramref name="fallback"/> is null.
    /// </summary>
    public string? GetChoice(JsonObject obj, string path, string key, IReadOnlyCollection<string> choices,
        string? fallback = null)
    {
        if (!obj.ContainsKey(key) && fallback is not null)
        {
            return fallback;
        }

        string keyPath = SpecPath.Property(path, key);
        string? text = ReadString(obj[key], keyPath, obj.ContainsKey(key));
        if (text is null)
        {
            return null;
        }

        if (!choices.Contains(text))
        {
            Error(keyPath, $"must be one of {string.Join(", ", choices)}", text);
            return null;
        }

        return text;
    }

    /// <summary>A string value at <paramref name="path"/>.</summary>
    public string? ReadString(JsonNode? node, string path, bool present = true)
    {
        if (!present)
        {
            Error(path, "is required");
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        Error(path, "must be a string", Describe(node));
        return null;
    }

    /// <summary>A required boolean property.</summary>
    public bool? GetBool(JsonObject obj, string path, string key, bool fallback)
    {
        if (!obj.ContainsKey(key))
        {
            return fallback;
        }

        var node = obj[key];
        var kind = node?.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        Error(SpecPath.Property(path, key), "must be true or false", Describe(node));
        return null;
    }

    /// <summary>An integer property in [min, max]; required when <paramref name="fallback"/> is null.</summary>
    public long? GetInteger(JsonObject obj, string path, string key, long? fallback = null,
        long min = long.MinValue, long max = long.MaxValue)
    {
        if (!obj.ContainsKey(key) && fallback is not null)
        {
            return fallback;
        }

        return ReadInteger(obj[key], SpecPath.Property(path, key), min, max, obj.ContainsKey(key));
    }

    /// <summary>An integer value in [min, max] at <paramref name="path"/>.</summary>
    public long? ReadInteger(JsonNode? node, string path, long min = long.MinValue, long max = long.MaxValue,
        bool present = true)
    {
        if (!present)
        {
            Error(path, "is required");
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !value.TryGetValue(out long number))
        {
            Error(path, "must be a whole number", Describe(node));
            return null;
        }

        if (number < min || number > max)
        {
            Error(path, RangeRule(min, max), Describe(node));
            return null;
        }

        return number;
    }

    /// <summary>
    /// A plain (dimensionless) number in [min, max]; required when <paramref name="fallback"/> is null.
    /// </summary>
    public double? GetNumber(JsonObject obj, string path, string key, double? fallback = null,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (!obj.ContainsKey(key) && fallback is not null)
        {
            return fallback;
        }

        string keyPath = SpecPath.Property(path, key);
        if (!obj.ContainsKey(key))
        {
            Error(keyPath, "is required");
            return null;
        }

        double? number = ReadQuantity(obj[key], keyPath, Dimension.Dimensionless);
        if (number is double n && (n < min || n > max))
        {
            Error(keyPath, RangeRule(min, max), Describe(obj[key]));
            return null;
        }

        return number;
    }

    /// <summary>
    /// A required quantity of dimension <paramref name="dimension"/>, returned in its canonical unit
    /// (ms, mV, pA, pF, Hz, MOhm; plain number for dimensionless).
    /// </summary>
    public double? GetQuantity(JsonObject obj, string path, string key, Dimension dimension)
    {
        string keyPath = SpecPath.Property(path, key);
        if (!obj.ContainsKey(key))
        {
            Error(keyPath, $"is required ({UnitTable.DimensionName(dimension)})");
            return null;
        }

        return ReadQuantity(obj[key], keyPath, dimension);
    }

    /// <summary>A quantity with a fallback (canonical unit) for when it is missing.</summary>
    public double? GetQuantity(JsonObject obj, string path, string key, Dimension dimension, double fallback) =>
        obj.ContainsKey(key) ? ReadQuantity(obj[key], SpecPath.Property(path, key), dimension) : fallback;

    /// <summary>An optional quantity (canonical unit): null, without error, when the key is missing.</summary>
    public double? GetOptionalQuantity(JsonObject obj, string path, string key, Dimension dimension) =>
        obj.ContainsKey(key) ? ReadQuantity(obj[key], SpecPath.Property(path, key), dimension) : null;

    /// <summary>An optional string: null, without error, when the key is missing.</summary>
    public string? GetOptionalString(JsonObject obj, string path, string key) =>
        obj.ContainsKey(key) ? ReadString(obj[key], SpecPath.Property(path, key)) : null;

    /// <summary>
    /// Reads a quantity value: a string "NUMBER UNIT" whose unit has <paramref name="dimension"/>, or a plain
    /// JSON number when the dimension is <see cref="Dimension.Dimensionless"/>.
    /// </summary>
    public double? ReadQuantity(JsonNode? node, string path, Dimension dimension)
    {
        var quantity = ReadAnyQuantity(node, path, dimension);
        if (quantity is not Quantity q)
        {
            return null;
        }

        if (q.Dimension != dimension)
        {
            Error(path, WrongDimension(dimension), Describe(node));
            return null;
        }

        return q.Value;
    }

    /// <summary>
    /// Reads a quantity of any dimension (for fields that accept several, such as weights in mV or pA);
    /// <paramref name="expected"/> only shapes the error message for a plain number.
    /// </summary>
    public Quantity? ReadAnyQuantity(JsonNode? node, string path, Dimension expected)
    {
        var kind = node?.GetValueKind();
        if (kind == JsonValueKind.Number)
        {
            double number = node!.GetValue<double>();
            if (expected != Dimension.Dimensionless)
            {
                Error(path, $"missing unit: must be a string with a {UnitTable.DimensionName(expected)} unit "
                    + $"such as \"{Example(expected)}\"", Describe(node));
                return null;
            }

            return new Quantity(number, Dimension.Dimensionless);
        }

        if (kind != JsonValueKind.String)
        {
            string wanted = expected == Dimension.Dimensionless
                ? "must be a number"
                : $"must be a string with a {UnitTable.DimensionName(expected)} unit such as \"{Example(expected)}\"";
            Error(path, wanted, Describe(node));
            return null;
        }

        string text = node!.GetValue<string>();
        if (!Quantity.TryParse(text, out var quantity, out string reason))
        {
            Error(path, reason, text);
            return null;
        }

        if (quantity.Dimension == Dimension.Dimensionless && expected != Dimension.Dimensionless)
        {
            Error(path, $"missing unit: {WrongDimension(expected)}", text);
            return null;
        }

        return quantity;
    }

    /// <summary>The rule text for a value that needs <paramref name="dimension"/>.</summary>
    public static string WrongDimension(Dimension dimension) => dimension == Dimension.Dimensionless
        ? "must be a plain number (no unit)"
        : $"must be a {UnitTable.DimensionName(dimension)} (unit such as {Example(dimension)})";

    private static string Example(Dimension dimension) => dimension switch
    {
        Dimension.Time => "20 ms",
        Dimension.Voltage => "-50 mV",
        Dimension.Current => "100 pA",
        Dimension.Capacitance => "250 pF",
        Dimension.Frequency => "5 Hz",
        Dimension.Resistance => "40 MOhm",
        _ => "1",
    };

    private static string RangeRule(double min, double max)
    {
        string lo = min.ToString(CultureInfo.InvariantCulture);
        string hi = max.ToString(CultureInfo.InvariantCulture);
        // Bounds at the edge of int/long only guard the storage type; they are not worth naming.
        bool hasMin = min > int.MinValue;
        bool hasMax = max < int.MaxValue;
        return (hasMin, hasMax) switch
        {
            (true, true) => $"must be between {lo} and {hi}",
            (true, false) => $"must be >= {lo}",
            (false, true) => $"must be <= {hi}",
            _ => "out of range",
        };
    }
}
