using System.Buffers.Binary;
using System.IO.Hashing;
using K4os.Compression.LZ4;
using NeuroSim.Core.IO;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// The envelope shared by synapse files and checkpoints: a fixed header, then a MessagePack payload cut into
/// LZ4-compressed chunks. Every length is checked against the bytes actually present before anything is allocated.
/// </summary>
/// <remarks>
/// Header (44 bytes, little-endian):
/// <code>
///  0  8  magic 89 4E 53 49 4D 0D 0A 1A ("\x89NSIM\r\n\x1a": binary, and catches newline translation)
///  8  4  kind, ASCII "SYNP" (synapse file) or "CKPT" (checkpoint)
/// 12  2  major version       14  2  minor version
/// 16  4  flags (bit 0: body is LZ4 chunks; other bits must be 0)
/// 20  8  payload length (uncompressed MessagePack bytes)
/// 28  8  body length (bytes after the header; must equal the rest of the file)
/// 36  4  CRC-32 of the body  40  4  CRC-32 of header bytes 0..39
/// </code>
/// Body: chunks of <c>u32 raw length (1..1 MiB), u32 stored length, stored bytes</c>; a chunk whose stored length
/// equals its raw length is stored as is, otherwise it is one LZ4 block. The major version is read and checked
/// before the header checksum, so a file from a newer NeuroSim is named as such even if its header grew.
/// </remarks>
internal static class ContainerFile
{
    public const int HeaderSize = 44;
    public const int ChunkSize = 1 << 20;
    private const int ChunkHeaderSize = 8;
    private const uint FlagLz4Chunks = 1;
    private const string NotNeuroSim =
        "not a NeuroSim synapse file or checkpoint (the first 8 bytes are not the NeuroSim magic)";

    // LZ4 cannot expand a block by more than 255:1; a payload claiming more than this per body byte is damaged,
    // and checking it first bounds what a crafted header can make us allocate.
    private const long MaxExpansion = 256;

    private static readonly byte[] Magic = [0x89, (byte)'N', (byte)'S', (byte)'I', (byte)'M', 0x0D, 0x0A, 0x1A];

    /// <summary>Writes <paramref name="payload"/> as a file of <paramref name="kind"/>, atomically.</summary>
    public static void Write(string path, FileKind kind, FormatVersion version, ReadOnlySpan<byte> payload)
    {
        var (header, body) = EncodeParts(kind, version, payload);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(body);
        });
    }

    /// <summary>The complete file image (header and compressed body) for <paramref name="payload"/>.</summary>
    public static byte[] Encode(FileKind kind, FormatVersion version, ReadOnlySpan<byte> payload)
    {
        var (header, body) = EncodeParts(kind, version, payload);
        return [.. header, .. body];
    }

    private static (byte[] Header, byte[] Body) EncodeParts(FileKind kind, FormatVersion version,
        ReadOnlySpan<byte> payload)
    {
        byte[] body = Compress(payload);
        byte[] header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        KindCode(kind).CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), checked((ushort)version.Major));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(14), checked((ushort)version.Minor));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), FlagLz4Chunks);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(20), (ulong)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(28), (ulong)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(36), Crc32.HashToUInt32(body));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), Crc32.HashToUInt32(header.AsSpan(0, 40)));
        return (header, body);
    }

    /// <summary>Reads the whole file and checks its envelope; the payload is the decompressed MessagePack.</summary>
    /// <exception cref="SynapseFileException">Missing, unreadable, truncated, damaged or too new.</exception>
    public static ContainerContent Read(string path, FormatVersion supported)
    {
        byte[] bytes;
        try
        {
            bytes = ReadRegularFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException
                                       or ArgumentException)
        {
            throw new SynapseFileException(path, $"cannot read the file ({ex.Message})", ex);
        }

        return Decode(path, bytes, supported);
    }

    /// <summary>Checks and decompresses an in-memory file image; <paramref name="path"/> names it in errors.</summary>
    public static ContainerContent Decode(string path, ReadOnlySpan<byte> file, FormatVersion supported)
    {
        if (file.Length < 16 || !file[..8].SequenceEqual(Magic))
        {
            throw Fail(path, file.Length < 8 || !file[..8].SequenceEqual(Magic)
                ? NotNeuroSim
                : $"truncated: {file.Length} bytes, the header alone needs {HeaderSize}");
        }

        FileKind kind = ParseKind(path, file.Slice(8, 4));
        var version = new FormatVersion(
            BinaryPrimitives.ReadUInt16LittleEndian(file[12..]), BinaryPrimitives.ReadUInt16LittleEndian(file[14..]));
        if (version.Major > supported.Major)
        {
            throw Fail(path, $"written in format version {version}, but this NeuroSim reads format versions up to " +
                $"{supported.Major}.x ({supported}); update NeuroSim to read it");
        }

        if (version.Major == 0)
        {
            throw Fail(path, $"format version {version} does not exist (header damaged)");
        }

        if (file.Length < HeaderSize)
        {
            throw Fail(path, $"truncated: {file.Length} bytes, the header alone needs {HeaderSize}");
        }

        ReadOnlySpan<byte> header = file[..HeaderSize];
        if (Crc32.HashToUInt32(header[..40]) != BinaryPrimitives.ReadUInt32LittleEndian(header[40..]))
        {
            throw Fail(path, "header damaged (its checksum does not match)");
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        if (flags != FlagLz4Chunks)
        {
            throw Fail(path, $"unknown header flags 0x{flags:X8} (this NeuroSim knows 0x{FlagLz4Chunks:X8})");
        }

        ulong payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(header[20..]);
        ulong bodyLength = BinaryPrimitives.ReadUInt64LittleEndian(header[28..]);
        long present = file.Length - HeaderSize;
        if (bodyLength != (ulong)present)
        {
            throw Fail(path, bodyLength > (ulong)present
                ? $"truncated: the header announces {bodyLength} bytes of data after it, the file has {present}"
                : $"{(ulong)present - bodyLength} unexpected bytes after the announced end of the data");
        }

        ReadOnlySpan<byte> body = file[HeaderSize..];
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(header[36..]))
        {
            throw Fail(path, $"data damaged (checksum of the {body.Length} bytes after the header does not match)");
        }

        byte[] payload = Decompress(path, body, payloadLength);
        return new ContainerContent(kind, version, payload, file.Length);
    }

    /// <summary>Reads only the kind and version from the first 16 bytes (for messages and dispatch).</summary>
    public static (FileKind Kind, FormatVersion Version) Peek(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int got;
        try
        {
            using FileStream stream = File.OpenRead(path);
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException
                                       or ArgumentException)
        {
            throw new SynapseFileException(path, $"cannot read the file ({ex.Message})", ex);
        }

        if (got < 16 || !head[..8].SequenceEqual(Magic))
        {
            throw Fail(path, NotNeuroSim);
        }

        var version = new FormatVersion(
            BinaryPrimitives.ReadUInt16LittleEndian(head[12..]), BinaryPrimitives.ReadUInt16LittleEndian(head[14..]));
        return (ParseKind(path, head.Slice(8, 4)), version);
    }

    // Reads the file's announced length and no more: devices such as /dev/zero report length 0 and never end,
    // and pipes cannot announce a length, so neither can make a load hang or grow without bound.
    private static byte[] ReadRegularFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        if (!stream.CanSeek)
        {
            throw new IOException("not a regular file");
        }

        long length = stream.Length;
        if (length > Array.MaxLength)
        {
            throw new IOException($"{length} bytes is larger than NeuroSim can load ({Array.MaxLength} bytes)");
        }

        byte[] bytes = new byte[length];
        int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return read == bytes.Length ? bytes : bytes[..read];
    }

    private static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        int chunks = (payload.Length + ChunkSize - 1) / ChunkSize;
        var output = new MemoryStream(payload.Length / 2 + chunks * ChunkHeaderSize + 64);
        byte[] scratch = new byte[LZ4Codec.MaximumOutputSize(ChunkSize)];
        Span<byte> chunkHeader = stackalloc byte[ChunkHeaderSize];

        for (int offset = 0; offset < payload.Length; offset += ChunkSize)
        {
            ReadOnlySpan<byte> raw = payload.Slice(offset, Math.Min(ChunkSize, payload.Length - offset));
            int packed = LZ4Codec.Encode(raw, scratch, LZ4Level.L00_FAST);
            bool keepRaw = packed <= 0 || packed >= raw.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(chunkHeader, (uint)raw.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(chunkHeader[4..], (uint)(keepRaw ? raw.Length : packed));
            output.Write(chunkHeader);
            output.Write(keepRaw ? raw : scratch.AsSpan(0, packed));
        }

        return output.ToArray();
    }

    private static byte[] Decompress(string path, ReadOnlySpan<byte> body, ulong payloadLength)
    {
        if (payloadLength > (ulong)body.Length * MaxExpansion || payloadLength > (ulong)Array.MaxLength)
        {
            throw Fail(path, $"the header announces {payloadLength} bytes of data, more than {body.Length} " +
                "compressed bytes can hold");
        }

        byte[] payload = new byte[(int)payloadLength];
        int written = 0;
        int position = 0;
        int index = 0;
        while (position < body.Length)
        {
            if (body.Length - position < ChunkHeaderSize)
            {
                throw Fail(path, $"chunk {index} at byte {HeaderSize + position}: truncated chunk header");
            }

            uint rawLength = BinaryPrimitives.ReadUInt32LittleEndian(body[position..]);
            uint storedLength = BinaryPrimitives.ReadUInt32LittleEndian(body[(position + 4)..]);
            position += ChunkHeaderSize;
            string where = $"chunk {index} at byte {HeaderSize + position - ChunkHeaderSize}";
            if (rawLength == 0 || rawLength > ChunkSize || rawLength > (ulong)(payload.Length - written))
            {
                throw Fail(path, $"{where}: raw length {rawLength} is outside 1..{ChunkSize} or past the announced " +
                    $"{payloadLength} bytes");
            }

            if (storedLength > rawLength || storedLength > (uint)(body.Length - position))
            {
                throw Fail(path, $"{where}: stored length {storedLength} exceeds its raw length {rawLength} or " +
                    $"the {body.Length - position} bytes left");
            }

            ReadOnlySpan<byte> stored = body.Slice(position, (int)storedLength);
            Span<byte> target = payload.AsSpan(written, (int)rawLength);
            if (storedLength == rawLength)
            {
                stored.CopyTo(target);
            }
            else if (LZ4Codec.Decode(stored, target) != (int)rawLength)
            {
                throw Fail(path, $"{where}: LZ4 data damaged");
            }

            position += (int)storedLength;
            written += (int)rawLength;
            index++;
        }

        if ((ulong)written != payloadLength)
        {
            throw Fail(path, $"the chunks hold {written} bytes of data, the header announces {payloadLength}");
        }

        return payload;
    }

    private static FileKind ParseKind(string path, ReadOnlySpan<byte> code)
    {
        if (code.SequenceEqual("SYNP"u8))
        {
            return FileKind.Synapses;
        }

        if (code.SequenceEqual("CKPT"u8))
        {
            return FileKind.Checkpoint;
        }

        throw Fail(path, "unknown file kind in the header (expected SYNP or CKPT)");
    }

    private static ReadOnlySpan<byte> KindCode(FileKind kind) => kind switch
    {
        FileKind.Synapses => "SYNP"u8,
        FileKind.Checkpoint => "CKPT"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown file kind"),
    };

    private static SynapseFileException Fail(string path, string problem) => new(path, problem);
}
