using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Tests.Learning.Surrogates;

public class SurrogateTests
{
    public static TheoryData<string> Names() => new(SurrogateCatalog.Names);

    private static readonly float[] Extremes =
    [
        1e4f, -1e4f, 1e30f, -1e30f, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
        float.Epsilon, -float.Epsilon,
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_LargeOrInfiniteInput_FiniteNonNegativeAndVanishing(string name)
    {
        var s = SurrogateCatalog.Create(name);
        foreach (float x in Extremes)
        {
            float d = s.Derivative(x);
            float p = s.Primitive(x);
            Assert.True(float.IsFinite(d) && d >= 0f, $"{name}'({x}) = {d}");
            Assert.True(float.IsFinite(p), $"{name} primitive({x}) = {p}");
            if (MathF.Abs(x) >= 1e4f)
            {
                Assert.True(d < 1e-6f, $"{name}'({x}) = {d} should vanish");
            }
        }
    }

    [Theory]
    [InlineData("fast_sigmoid", 25f, 1f)]
    [InlineData("tanh", 1f, 1f)]
    [InlineData("arctan", 2f, 1f)]
    [InlineData("triangle", 0.5f, 2f)]
    [InlineData("sigmoid", 4f, 1f)]
    public void Derivative_AtZero_IsThePeakValue(string name, float scale, float expected)
    {
        // Peaks: fast sigmoid 1; tanh k; arctan α/2; triangle 1/w; sigmoid k/4 — all chosen to equal `expected`.
        Assert.Equal(expected, SurrogateCatalog.Create(name, scale).Derivative(0f), 6);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_EqualsFiniteDifferenceOfPrimitive(string name)
    {
        // Central difference with h = 1e-3 on float values: truncation O(h²·|f'''|) plus rounding ~1e-7/h;
        // 2e-3 relative to the peak covers both for these scales (triangle's kinks at ±w are avoided).
        var s = SurrogateCatalog.Create(name);
        float peak = s.Derivative(0f);
        foreach (float x in new[] { -0.73f, -0.21f, -0.02f, 0.05f, 0.33f, 0.61f })
        {
            const float h = 1e-3f;
            double fd = ((double)s.Primitive(x + h) - s.Primitive(x - h)) / (2 * h);
            Assert.True(Math.Abs(fd - s.Derivative(x)) <= 2e-3 * peak, $"{name} at {x}: fd {fd} vs {s.Derivative(x)}");
        }
    }

    [Fact]
    public void DerivativeSpan_MatchesScalar()
    {
        var s = new ArctanSurrogate(3f);
        var x = new[] { -2f, 0f, 0.5f, 7f };
        var d = new float[4];
        s.Derivative(x, d);
        Assert.Equal(x.Select(s.Derivative).ToArray(), d);
    }

    [Fact]
    public void Create_UnknownName_ListsTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => SurrogateCatalog.Create("heaviside"));
        Assert.Contains("'heaviside'", ex.Message);
        Assert.Contains("fast_sigmoid", ex.Message);
    }

    [Fact]
    public void Constructor_NonPositiveScale_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FastSigmoidSurrogate(0f));
        Assert.Contains("slope", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DerivativeSpan_AnyLength_SameBitsAsScalarOverload(string name)
    {
        // The span overload may be vectorised (fast sigmoid is); lengths around the vector width and the extremes.
        var s = SurrogateCatalog.Create(name, 3f);
        var rng = new Random(3);
        foreach (int n in new[] { 0, 1, 7, 8, 9, 17, 33 })
        {
            var x = Enumerable.Range(0, n).Select(i => i < Extremes.Length && i % 2 == 1
                ? Extremes[i] : (float)(4 * rng.NextDouble() - 2)).ToArray();
            var d = new float[n];
            s.Derivative(x, d);
            Assert.Equal(x.Select(s.Derivative).ToArray(), d);
        }
    }
}
