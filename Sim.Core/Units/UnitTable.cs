namespace NeuroSim.Core.Units;

/// <summary>
/// The units a network file may use, with their dimension and their factor to the canonical unit of that
/// dimension (see <see cref="Dimension"/>). Unit symbols are case-sensitive ("ms" is not "Ms").
/// </summary>
public static class UnitTable
{
    private static readonly Dictionary<string, (Dimension Dimension, double Factor)> Units = new(StringComparer.Ordinal)
    {
        ["s"] = (Dimension.Time, 1e3),
        ["ms"] = (Dimension.Time, 1.0),
        ["us"] = (Dimension.Time, 1e-3),
        ["µs"] = (Dimension.Time, 1e-3),
        ["V"] = (Dimension.Voltage, 1e3),
        ["mV"] = (Dimension.Voltage, 1.0),
        ["uV"] = (Dimension.Voltage, 1e-3),
        ["A"] = (Dimension.Current, 1e12),
        ["mA"] = (Dimension.Current, 1e9),
        ["uA"] = (Dimension.Current, 1e6),
        ["nA"] = (Dimension.Current, 1e3),
        ["pA"] = (Dimension.Current, 1.0),
        ["F"] = (Dimension.Capacitance, 1e12),
        ["uF"] = (Dimension.Capacitance, 1e6),
        ["nF"] = (Dimension.Capacitance, 1e3),
        ["pF"] = (Dimension.Capacitance, 1.0),
        ["Hz"] = (Dimension.Frequency, 1.0),
        ["kHz"] = (Dimension.Frequency, 1e3),
        ["Ohm"] = (Dimension.Resistance, 1e-6),
        ["kOhm"] = (Dimension.Resistance, 1e-3),
        ["MOhm"] = (Dimension.Resistance, 1.0),
        ["GOhm"] = (Dimension.Resistance, 1e3),
    };

    /// <summary>Every accepted unit symbol.</summary>
    public static IEnumerable<string> Symbols => Units.Keys;

    /// <summary>Looks up a unit symbol; false when the symbol is unknown.</summary>
    public static bool TryGet(string symbol, out Dimension dimension, out double factorToCanonical)
    {
        if (Units.TryGetValue(symbol, out var entry))
        {
            dimension = entry.Dimension;
            factorToCanonical = entry.Factor;
            return true;
        }

        dimension = Dimension.Dimensionless;
        factorToCanonical = 0;
        return false;
    }

    /// <summary>The canonical unit symbol of a dimension ("" for dimensionless).</summary>
    public static string CanonicalUnit(Dimension dimension) => dimension switch
    {
        Dimension.Time => "ms",
        Dimension.Voltage => "mV",
        Dimension.Current => "pA",
        Dimension.Capacitance => "pF",
        Dimension.Frequency => "Hz",
        Dimension.Resistance => "MOhm",
        _ => "",
    };

    /// <summary>Human name of a dimension for error messages ("time", "voltage", ...).</summary>
    public static string DimensionName(Dimension dimension) => dimension switch
    {
        Dimension.Dimensionless => "a plain number",
        _ => dimension.ToString().ToLowerInvariant(),
    };
}
