using NeuroSim.Learning.Grapes;

namespace NeuroSim.Tests.Learning.Grapes;

public class GrapesFactorsTests
{
    // Rows (postsynaptic nodes) have L1 norms 3, 1, 0.25; columns (presynaptic) 1.5, 2.5, 0.25.
    private static readonly float[] W = [1f, -2f, 0f, 0.5f, 0.5f, 0f, 0f, 0f, -0.25f];

    [Fact]
    public void Importance_Backprop_IsClippedToOneTwo()
    {
        var f = new float[3];
        GrapesFactors.Importance(W, 3, 3, f, clip: true);
        // 2·(3, 1, 0.25)/3 = (2, 0.667, 0.167) → clip [1, 2] → (2, 1, 1): exact in float.
        Assert.Equal([2f, 1f, 1f], f);
    }

    [Fact]
    public void Importance_FeedbackAlignment_IsUnclipped()
    {
        var f = new float[3];
        GrapesFactors.Importance(W, 3, 3, f, clip: false);
        // Hand values 2, 2/3, 1/6; one float rounding each (1e-7 relative).
        Assert.Equal(2f, f[0]);
        Assert.Equal(2.0 / 3.0, f[1], 6);
        Assert.Equal(1.0 / 6.0, f[2], 6);
    }

    [Fact]
    public void Presynaptic_Dfa_NormalisesColumnSumsWithoutClipping()
    {
        var p = new float[3];
        GrapesFactors.Presynaptic(W, 3, 3, p);
        // 2·(1.5, 2.5, 0.25)/2.5 = (1.2, 2, 0.2).
        Assert.Equal(1.2, p[0], 6);
        Assert.Equal(2f, p[1]);
        Assert.Equal(0.2, p[2], 6);
    }

    [Fact]
    public void Importance_RectangularMatrix_UsesRowsAsPostsynapticNodes()
    {
        // 2 × 3: rows sum to 6 and 1.5 → (2, 0.5) unclipped.
        float[] w = [1f, 2f, -3f, 0.5f, 0.5f, 0.5f];
        var f = new float[2];
        GrapesFactors.Importance(w, 2, 3, f, clip: false);
        Assert.Equal([2f, 0.5f], f);
    }

    [Fact]
    public void Importance_AllWeightsZero_GivesNeutralFactors()
    {
        var f = new float[2];
        GrapesFactors.Importance(new float[4], 2, 2, f, clip: false);
        Assert.Equal([1f, 1f], f);
    }

    [Fact]
    public void Importance_WrongFactorLength_ThrowsWithExpectedLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => GrapesFactors.Importance(W, 3, 3, new float[2], true));
        Assert.Contains("expected 3", ex.Message);
    }
}
