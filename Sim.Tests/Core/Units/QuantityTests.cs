using NeuroSim.Core.Units;

namespace NeuroSim.Tests.Core.Units;

public class QuantityTests
{
    // Tolerance 1e-12 relative: parsing multiplies by a power of ten once, so only rounding of that product differs.
    [Theory]
    [InlineData("20 ms", 20.0, Dimension.Time)]
    [InlineData("1 s", 1000.0, Dimension.Time)]
    [InlineData("0.1 ms", 0.1, Dimension.Time)]
    [InlineData("250 us", 0.25, Dimension.Time)]
    [InlineData("250 µs", 0.25, Dimension.Time)]
    [InlineData("-50 mV", -50.0, Dimension.Voltage)]
    [InlineData("0.05 V", 50.0, Dimension.Voltage)]
    [InlineData("1.62mV", 1.62, Dimension.Voltage)]
    [InlineData("1000 pA", 1000.0, Dimension.Current)]
    [InlineData("2 nA", 2000.0, Dimension.Current)]
    [InlineData("1e-9 A", 1000.0, Dimension.Current)]
    [InlineData("250 pF", 250.0, Dimension.Capacitance)]
    [InlineData("1 nF", 1000.0, Dimension.Capacitance)]
    [InlineData("5 Hz", 5.0, Dimension.Frequency)]
    [InlineData("2 kHz", 2000.0, Dimension.Frequency)]
    [InlineData("40 MOhm", 40.0, Dimension.Resistance)]
    [InlineData("1 GOhm", 1000.0, Dimension.Resistance)]
    [InlineData("1e6 Ohm", 1.0, Dimension.Resistance)]
    [InlineData("  3  ", 3.0, Dimension.Dimensionless)]
    public void Parse_KnownUnit_ReturnsCanonicalValue(string text, double expected, Dimension dimension)
    {
        var quantity = Quantity.Parse(text);

        Assert.Equal(dimension, quantity.Dimension);
        Assert.Equal(expected, quantity.Value, Math.Abs(expected) * 1e-12);
    }

    [Fact]
    public void TryParse_UnknownUnit_ErrorNamesTheUnit()
    {
        bool ok = Quantity.TryParse("20 msec", out _, out string error);

        Assert.False(ok);
        Assert.Contains("unknown unit 'msec'", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("fast")]
    public void TryParse_NoNumber_Fails(string text)
    {
        Assert.False(Quantity.TryParse(text, out _, out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Parse_UnitCaseMatters_MsIsNotMegaSecond()
    {
        var ex = Assert.Throws<FormatException>(() => Quantity.Parse("5 MS"));

        Assert.Contains("'MS'", ex.Message);
    }

    [Fact]
    public void ToString_CanonicalUnit_RoundTrips()
    {
        var quantity = Quantity.Parse("0.02 s");

        Assert.Equal("20 ms", quantity.ToString());
        Assert.Equal(quantity, Quantity.Parse(quantity.ToString()));
    }
}
