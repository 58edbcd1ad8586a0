using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuroSim.Encoders.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (LeCun et al.): a 4-byte magic number
/// <c>00 00 TT DD</c> (TT = 0x08 for unsigned bytes, DD = number of dimensions), DD big-endian 32-bit sizes,
/// then the values in row-major order. Files ending in gzip's magic bytes (1f 8b) are decompressed on the fly,
/// whatever their name. Only unsigned-byte data (the type both data sets use) is accepted.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads the file at <paramref name="path"/>: its dimensions and its bytes.</summary>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file or is truncated; the
    /// message names the file and what was wrong.</exception>
    public static (int[] Dimensions, byte[] Data) Read(string path)
    {
        using Stream stream = Open(path);
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, path, "magic number");
        if (header[0] != 0 || header[1] != 0)
        {
            throw Bad(path, $"magic number must start with 00 00 (got {Convert.ToHexString(header)})");
        }

        if (header[2] != UnsignedByteType)
        {
            throw Bad(path, $"data type must be 0x08 (unsigned byte) (got 0x{header[2]:x2})");
        }

        int rank = header[3];
        if (rank is < 1 or > 4)
        {
            throw Bad(path, $"number of dimensions must be 1..4 (got {rank})");
        }

        var dims = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++)
        {
            ReadExactly(stream, header, path, $"size of dimension {d}");
            int size = BinaryPrimitives.ReadInt32BigEndian(header);
            if (size < 0)
            {
                throw Bad(path, $"size of dimension {d} must be >= 0 (got {size})");
            }

            dims[d] = size;
            total *= size;
        }

        if (total > Array.MaxLength)
        {
            throw Bad(path, $"{total} values do not fit in one array");
        }

        var data = new byte[total];
        ReadExactly(stream, data, path, $"{total} data bytes");
        return (dims, data);
    }

    private static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: IDX file not found", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int b0 = file.ReadByte(), b1 = file.ReadByte();
        file.Position = 0;
        if (b0 == 0x1f && b1 == 0x8b)
        {
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
        }

        return file;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw Bad(path, $"file ends before the {what}");
        }
    }

    private static InvalidDataException Bad(string path, string message) => new($"{path}: IDX: {message}");
}
