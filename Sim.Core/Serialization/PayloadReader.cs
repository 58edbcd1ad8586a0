using System.Buffers;
using System.Runtime.InteropServices;
using MessagePack;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// Reads the typed pieces of a payload with every length checked before allocating: a numeric array's byte
/// count must equal what the definition expects (or, where nothing is expected, is bounded by the bytes present,
/// since a bin's bytes must all be there before it is copied). Errors name the file and the place.
/// </summary>
internal sealed class PayloadReader(string path)
{
    /// <summary>Deepest nesting accepted when skipping unknown fields (ours never exceed 4).</summary>
    public const int MaxDepth = 32;

    /// <summary>The file named in errors.</summary>
    public string Path { get; } = path;

    /// <summary>An error for this file at <paramref name="where"/>.</summary>
    public SynapseFileException Fail(string where, string problem) => new(Path, $"{where}: {problem}");

    /// <summary>
    /// Runs a decoding step and turns the MessagePack reader's own errors (data ending early, wrong type codes,
    /// integers too large) into <see cref="SynapseFileException"/>.
    /// </summary>
    public T Guard<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException
                                       or OverflowException || FromMessagePack(ex))
        {
            throw new SynapseFileException(Path, $"data malformed: {ex.Message}", ex);
        }
    }

    // MessagePack 2.5's Skip on a value cut short throws ArgumentOutOfRangeException from inside its sequence
    // reader; only exceptions raised by MessagePack's own code are translated, so our bugs stay visible.
    private static bool FromMessagePack(Exception ex) => ex is ArgumentException
        && ex.TargetSite?.DeclaringType?.Assembly == typeof(MessagePackReader).Assembly;

    /// <summary>Reads a bin holding exactly <paramref name="expected"/> elements of <typeparamref name="T"/>.</summary>
    public T[] ReadArray<T>(ref MessagePackReader reader, long expected, string where) where T : unmanaged
    {
        ReadOnlySequence<byte> bytes = ReadBin(ref reader, where);
        int size = Marshal.SizeOf<T>();
        if (bytes.Length != expected * size)
        {
            throw Fail(where, $"expects {expected} {TypeName<T>()} values ({expected * size} bytes), " +
                $"the file has {bytes.Length} bytes");
        }

        return Copy<T>(bytes);
    }

    /// <summary>Reads a bin of <typeparamref name="T"/> elements whose count the file alone declares.</summary>
    public T[] ReadArrayAnyLength<T>(ref MessagePackReader reader, string where) where T : unmanaged
    {
        ReadOnlySequence<byte> bytes = ReadBin(ref reader, where);
        int size = Marshal.SizeOf<T>();
        if (bytes.Length % size != 0)
        {
            throw Fail(where, $"{bytes.Length} bytes is not a whole number of {TypeName<T>()} values");
        }

        return Copy<T>(bytes);
    }

    /// <summary>Reads a string (not nil).</summary>
    public string ReadString(ref MessagePackReader reader, string where)
    {
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            throw Fail(where, $"expects a string, found {reader.NextMessagePackType}");
        }

        return reader.ReadString()!;
    }

    /// <summary>Reads an integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long ReadInteger(ref MessagePackReader reader, string where, long min, long max)
    {
        if (reader.NextMessagePackType != MessagePackType.Integer)
        {
            throw Fail(where, $"expects an integer, found {reader.NextMessagePackType}");
        }

        long value = reader.ReadInt64();
        if (value < min || value > max)
        {
            throw Fail(where, min == max ? $"is {value}, expected {min}" : $"{value} is outside {min}..{max}");
        }

        return value;
    }

    /// <summary>Reads a map header, checking that it is a map.</summary>
    public int ReadMapHeader(ref MessagePackReader reader, string where)
    {
        if (reader.NextMessagePackType != MessagePackType.Map)
        {
            throw Fail(where, $"expects a map, found {reader.NextMessagePackType}");
        }

        return reader.ReadMapHeader();
    }

    /// <summary>Reads an array header, checking that it is an array.</summary>
    public int ReadArrayHeader(ref MessagePackReader reader, string where)
    {
        if (reader.NextMessagePackType != MessagePackType.Array)
        {
            throw Fail(where, $"expects an array, found {reader.NextMessagePackType}");
        }

        return reader.ReadArrayHeader();
    }

    /// <summary>Reads a map of string keys to scalars (string, bool, integer, float).</summary>
    public Dictionary<string, object> ReadMetadata(ref MessagePackReader reader, string where)
    {
        int count = ReadMapHeader(ref reader, where);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = ReadString(ref reader, $"{where} key {i}");
            object value = reader.NextMessagePackType switch
            {
                MessagePackType.String => reader.ReadString()!,
                MessagePackType.Boolean => reader.ReadBoolean(),
                MessagePackType.Integer => reader.ReadInt64(),
                MessagePackType.Float => reader.ReadDouble(),
                var other => throw Fail($"{where}['{key}']", $"expects a string, bool or number, found {other}"),
            };
            if (!result.TryAdd(key, value))
            {
                throw Fail(where, $"key '{key}' appears twice");
            }
        }

        return result;
    }

    /// <summary>Reads a map of string keys to numeric arrays (lengths declared by the file).</summary>
    public Dictionary<string, T[]> ReadNamedArrays<T>(ref MessagePackReader reader, string where) where T : unmanaged
    {
        int count = ReadMapHeader(ref reader, where);
        var result = new Dictionary<string, T[]>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = ReadString(ref reader, $"{where} key {i}");
            if (!result.TryAdd(key, ReadArrayAnyLength<T>(ref reader, $"{where}['{key}']")))
            {
                throw Fail(where, $"key '{key}' appears twice");
            }
        }

        return result;
    }

    /// <summary>Skips one value of any type; nesting deeper than <see cref="MaxDepth"/> is an error.</summary>
    /// <remarks>MessagePack's own Skip recurses without a limit; a crafted file could overflow the stack.</remarks>
    public void Skip(ref MessagePackReader reader, string where, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw Fail(where, $"values nested deeper than {MaxDepth} levels");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Array:
                for (int i = reader.ReadArrayHeader(); i > 0; i--)
                {
                    Skip(ref reader, where, depth + 1);
                }

                break;
            case MessagePackType.Map:
                for (long i = 2L * reader.ReadMapHeader(); i > 0; i--)
                {
                    Skip(ref reader, where, depth + 1);
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }

    private ReadOnlySequence<byte> ReadBin(ref MessagePackReader reader, string where)
    {
        if (reader.NextMessagePackType != MessagePackType.Binary)
        {
            throw Fail(where, $"expects binary data, found {reader.NextMessagePackType}");
        }

        // The reader checks that every announced byte is present and returns a slice: nothing is allocated yet.
        return reader.ReadBytes()!.Value;
    }

    private static T[] Copy<T>(ReadOnlySequence<byte> bytes) where T : unmanaged
    {
        var result = new T[bytes.Length / Marshal.SizeOf<T>()];
        bytes.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    private static string TypeName<T>() => typeof(T) == typeof(float) ? "float32"
        : typeof(T) == typeof(int) ? "int32"
        : typeof(T) == typeof(ulong) ? "uint64"
        : typeof(T) == typeof(byte) ? "byte"
        : typeof(T).Name;
}
