using System.Globalization;

namespace NeuroSim.Core.Units;

/// <summary>
/// A number with a physical dimension, held in the canonical unit of that dimension (ms, mV, pA, pF, Hz,
/// MOhm; see <see cref="Dimension"/>). Parsed from strings such as "20 ms", "-50 mV", "1.62mV", "5 Hz",
/// "250 pF", "1e3 pA"; the space between number and unit is optional. A plain number ("3") parses as
/// <see cref="Dimension.Dimensionless"/>.
/// </summary>
/// <param name="Value">Magnitude in the canonical unit of <paramref name="Dimension"/>.</param>
/// <param name="Dimension">Physical dimension.</param>
public readonly record struct Quantity(double Value, Dimension Dimension)
{
    /// <summary>Parses a quantity string; throws <see cref="FormatException"/> with the reason.</summary>
    public static Quantity Parse(string text)
    {
        if (!TryParse(text, out var quantity, out var error))
        {
            throw new FormatException(error);
        }

        return quantity;
    }

    /// <summary>
    /// Parses "NUMBER [UNIT]". On failure <paramref name="error"/> says why (empty text, not a number,
    /// unknown unit with the list of known ones, not finite).
    /// </summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        string trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            error = "empty quantity";
            return false;
        }

        int split = FindUnitStart(trimmed);
        string numberPart = trimmed[..split].TrimEnd();
        string unitPart = trimmed[split..].Trim();
        if (!double.TryParse(numberPart, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            error = $"'{trimmed}' does not start with a number";
            return false;
        }

        if (!double.IsFinite(number))
        {
            error = $"'{trimmed}' is not finite";
            return false;
        }

        if (unitPart.Length == 0)
        {
            quantity = new Quantity(number, Dimension.Dimensionless);
            error = "";
            return true;
        }

        if (!UnitTable.TryGet(unitPart, out var dimension, out double factor))
        {
            error = $"unknown unit '{unitPart}' (known: {string.Join(", ", UnitTable.Symbols)})";
            return false;
        }

        quantity = new Quantity(number * factor, dimension);
        error = "";
        return true;
    }

    /// <summary>Formats as "VALUE UNIT" in the canonical unit, e.g. "20 ms"; plain numbers without unit.</summary>
    public override string ToString()
    {
        string number = Value.ToString("R", CultureInfo.InvariantCulture);
        string unit = UnitTable.CanonicalUnit(Dimension);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }

    /// <summary>Formats a canonical value of the given dimension, e.g. (5, Time) gives "5 ms".</summary>
    public static string Format(double value, Dimension dimension) => new Quantity(value, dimension).ToString();

    private static int FindUnitStart(string text)
    {
        // The number may contain digits, sign, '.', and an exponent "e±d"; the unit starts at the first
        // letter that is not an exponent marker followed by a digit or sign.
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsDigit(c) || c == '.' || c == '+' || c == '-')
            {
                continue;
            }

            bool exponent = (c == 'e' || c == 'E') && i > 0 && i + 1 < text.Length
                && (char.IsDigit(text[i + 1]) || text[i + 1] == '+' || text[i + 1] == '-');
            if (exponent)
            {
                continue;
            }

            return i;
        }

        return text.Length;
    }
}
