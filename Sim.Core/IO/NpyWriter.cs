using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuroSim.Core.IO;

/// <summary>
/// Writes one array in the NumPy <c>.npy</c> format, version 1.0, which <c>numpy.load</c> reads with no extra
/// package.
/// </summary>
/// <remarks>
/// Layout (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"): the six bytes
/// <c>\x93NUMPY</c>, the version bytes 1 and 0, a little-endian uint16 header length, then an ASCII Python dict
/// literal <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c> padded with spaces and ended by
/// a newline so that the data starts at a multiple of 64 bytes, then the raw little-endian elements in C
/// (row-major) order. Supported element types and their NumPy dtypes: float (&lt;f4), double (&lt;f8),
/// Half (&lt;f2), sbyte (|i1), short (&lt;i2), int (&lt;i4), long (&lt;i8), byte (|u1), ushort (&lt;u2),
/// uint (&lt;u4), ulong (&lt;u8), bool (|b1).
/// </remarks>
public static class NpyWriter
{
    /// <summary>The most dimensions an array may have (NumPy's own limit for format 1.0 readers).</summary>
    public const int MaxRank = 32;

    private const int Alignment = 64;
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="values"/>, shaped <paramref name="shape"/>, to the stream.</summary>
    /// <param name="stream">Where the .npy bytes go.</param>
    /// <param name="values">The elements in row-major order; their count must equal the product of the shape.</param>
    /// <param name="shape">The dimensions; empty for a 0-d array (one element), zeros allowed for empty arrays.</param>
    /// <exception cref="ArgumentException">
    /// The shape is negative, too long, or does not match the element count.
    /// </exception>
    /// <exception cref="NotSupportedException">The element type has no NumPy dtype here.</exception>
    public static void Write<T>(Stream stream, ReadOnlySpan<T> values, ReadOnlySpan<int> shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".npy output is written little-endian; this host is big-endian");
        }

        stream.Write(Header(DType<T>(), values.Length, shape));
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>The NumPy dtype string (e.g. <c>&lt;f4</c>) for the element type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">The element type has no NumPy dtype here.</exception>
    public static string DType<T>() where T : unmanaged
    {
        Type t = typeof(T);
        if (t == typeof(float)) return "<f4";
        if (t == typeof(double)) return "<f8";
        if (t == typeof(Half)) return "<f2";
        if (t == typeof(sbyte)) return "|i1";
        if (t == typeof(short)) return "<i2";
        if (t == typeof(int)) return "<i4";
        if (t == typeof(long)) return "<i8";
        if (t == typeof(byte)) return "|u1";
        if (t == typeof(ushort)) return "<u2";
        if (t == typeof(uint)) return "<u4";
        if (t == typeof(ulong)) return "<u8";
        if (t == typeof(bool)) return "|b1";
        throw new NotSupportedException($"no NumPy dtype for element type {t.Name}");
    }

    private static byte[] Header(string dtype, int count, ReadOnlySpan<int> shape)
    {
        if (shape.Length > MaxRank)
        {
            throw new ArgumentException(
                $"shape has {shape.Length} dimensions; at most {MaxRank} allowed", nameof(shape));
        }

        long product = 1;
        var dims = new StringBuilder();
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"shape dimension {d} is negative", nameof(shape));
            }

            product *= d;
            dims.Append(d.ToString(CultureInfo.InvariantCulture)).Append(", ");
        }

        if (product != count)
        {
            throw new ArgumentException(
                $"shape ({string.Join(", ", shape.ToArray())}) holds {product} elements but {count} were given",
                nameof(shape));
        }

        // Python tuple syntax: "()" for 0-d, "(3,)" for 1-d, "(2, 3)" for 2-d.
        string tuple = shape.Length switch
        {
            0 => "()",
            1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
            _ => "(" + dims.ToString(0, dims.Length - 2) + ")",
        };
        string dict = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {tuple}, }}";
        int unpadded = Magic.Length + 2 + dict.Length + 1;
        int padding = (Alignment - unpadded % Alignment) % Alignment;
        string text = dict + new string(' ', padding) + "\n";

        var header = new byte[Magic.Length + 2 + text.Length];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = (byte)(text.Length & 0xFF);
        header[Magic.Length + 1] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, 0, text.Length, header, Magic.Length + 2);
        return header;
    }
}
