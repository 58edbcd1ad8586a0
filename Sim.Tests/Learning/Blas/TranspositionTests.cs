using NeuroSim.Learning.Blas;

namespace NeuroSim.Tests.Learning.Blas;

public class TranspositionTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(15, 17)]
    [InlineData(33, 16)]
    [InlineData(10, 784)]
    public void Transpose_StridedAnySize_EveryElementMovedAndPaddingUntouched(int rows, int cols)
    {
        int sourceStride = cols + 3, destinationStride = rows + 5;
        var source = Enumerable.Range(0, Math.Max(1, rows * sourceStride)).Select(i => (float)i).ToArray();
        var destination = Enumerable.Repeat(-1f, Math.Max(1, cols * destinationStride)).ToArray();
        Transposition.Transpose(source, rows, cols, sourceStride, destination, destinationStride);
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < destinationStride; r++)
            {
                float expected = r < rows ? source[r * sourceStride + c] : -1f;
                Assert.Equal(expected, destination[c * destinationStride + r]);
            }
        }
    }

    [Fact]
    public void Transpose_StrideShorterThanRow_ThrowsNamingTheShape()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Transposition.Transpose(new float[12], 3, 4, 3, new float[12], 3));
        Assert.Contains("[3, 4]", e.Message);
    }
}
