namespace NeuroSim.Core.Network;

/// <summary>
/// Builds the JSON paths used in error messages: "$" for the root, ".name" for identifier-like keys,
/// "['odd key']" otherwise, "[3]" for array elements.
/// </summary>
public static class SpecPath
{
    /// <summary>The path of the root value.</summary>
    public const string Root = "$";

    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name)
    {
        bool simple = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'")}']";
    }

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
