namespace NeuroSim.Learning.Blas;

/// <summary>
/// Out-of-place matrix transpose with row strides, in 16 × 16 tiles so that both the rows read and the rows
/// written stay in cache (a plain double loop strides through one side a cache line per element).
/// </summary>
internal static class Transposition
{
    private const int Tile = 16;

    /// <summary>destination[c, r] = source[r, c] for r &lt; rows, c &lt; cols.</summary>
    /// <param name="source">[rows, sourceStride], sourceStride ≥ cols.</param>
    /// <param name="rows">Rows of the source.</param>
    /// <param name="cols">Columns of the source.</param>
    /// <param name="sourceStride">Row stride of the source.</param>
    /// <param name="destination">[cols, destinationStride], destinationStride ≥ rows.</param>
    /// <param name="destinationStride">Row stride of the destination.</param>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, int sourceStride,
        Span<float> destination, int destinationStride)
    {
        if (sourceStride < cols || destinationStride < rows
            || (rows > 0 && cols > 0 && (source.Length < (rows - 1) * sourceStride + cols
                || destination.Length < (cols - 1) * destinationStride + rows)))
        {
            throw new ArgumentException($"transpose of [{rows}, {cols}]: strides {sourceStride} and " +
                $"{destinationStride} or lengths {source.Length} and {destination.Length} too small");
        }

        for (int r0 = 0; r0 < rows; r0 += Tile)
        {
            int r1 = Math.Min(rows, r0 + Tile);
            for (int c0 = 0; c0 < cols; c0 += Tile)
            {
                int c1 = Math.Min(cols, c0 + Tile);
                for (int r = r0; r < r1; r++)
                {
                    ReadOnlySpan<float> row = source.Slice(r * sourceStride, cols);
                    for (int c = c0; c < c1; c++)
                    {
                        destination[c * destinationStride + r] = row[c];
                    }
                }
            }
        }
    }
}
