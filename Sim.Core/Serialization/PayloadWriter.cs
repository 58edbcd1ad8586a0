using System.Buffers;
using System.Runtime.InteropServices;
using MessagePack;

namespace NeuroSim.Core.Serialization;

/// <summary>Writes the typed pieces of a payload: numeric arrays as little-endian bin, metadata maps.</summary>
internal static class PayloadWriter
{
    /// <summary>Runs <paramref name="write"/> over a fresh MessagePack writer and returns the bytes.</summary>
    public static ReadOnlyMemory<byte> Build(WriteAction write)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("synapse files are little-endian; this host is big-endian");
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>Writes the elements as one bin of raw little-endian bytes (no per-item tags).</summary>
    public static void WriteArray<T>(ref MessagePackWriter writer, ReadOnlySpan<T> values) where T : unmanaged =>
        writer.Write(MemoryMarshal.AsBytes(values));

    /// <summary>Writes a map of string keys to scalar values (string, bool, integer, floating point).</summary>
    /// <exception cref="ArgumentException">A value of another type.</exception>
    public static void WriteMetadata(ref MessagePackWriter writer, IReadOnlyDictionary<string, object>? metadata)
    {
        var entries = (metadata ?? new Dictionary<string, object>()).OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        writer.WriteMapHeader(entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.Write(key);
            switch (value)
            {
                case string s: writer.Write(s); break;
                case bool b: writer.Write(b); break;
                case int i: writer.Write(i); break;
                case long l: writer.Write(l); break;
                case float f: writer.Write((double)f); break;
                case double d: writer.Write(d); break;
                default:
                    throw new ArgumentException(
                        $"metadata '{key}' has type {value?.GetType().Name ?? "null"}; " +
                        "allowed: string, bool, int, long, float, double", nameof(metadata));
            }
        }
    }

    /// <summary>Writes a map of string keys to numeric arrays (bin), in key order.</summary>
    public static void WriteNamedArrays<T>(ref MessagePackWriter writer, IReadOnlyDictionary<string, T[]> arrays)
        where T : unmanaged
    {
        writer.WriteMapHeader(arrays.Count);
        foreach (var (key, values) in arrays.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            WriteArray<T>(ref writer, values);
        }
    }

    /// <summary>Writes into a MessagePack writer passed by reference (it is a ref struct).</summary>
    public delegate void WriteAction(ref MessagePackWriter writer);
}
