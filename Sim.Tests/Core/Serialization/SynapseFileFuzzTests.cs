using System.Buffers.Binary;
using NeuroSim.Core.Serialization;
using Xunit.Abstractions;

namespace NeuroSim.Tests.Core.Serialization;

/// <summary>
/// Corrupted synapse files and checkpoints, thousands of them from fixed seeds: every one must either load or
/// fail with <see cref="SynapseFileException"/> carrying a message, never another exception, a hang, or an
/// allocation beyond a fixed bound.
/// </summary>
public sealed class SynapseFileFuzzTests(ITestOutputHelper output)
{
    // A valid load of these samples allocates well under 1 MiB (the JSON parse dominates); 16 MiB is far below
    // anything a declared size of gigabytes would cost and far above any legitimate load here.
    private const long AllocationBound = 16L << 20;

    private static readonly Lazy<Sample[]> Samples = new(BuildSamples);

    // Tests of one class run one after another in xunit, so this needs no lock.
    private static long _maxAllocated;
    private static readonly byte[] Special = [0x00, 0xFF, 0x7F, 0x80, 0xC0, 0xC1, 0xC4, 0xDE, 0x90];

    [Fact]
    public void Load_EveryTruncation_FailsWithSynapseFileException()
    {
        int cases = 0;
        foreach (Sample sample in Samples.Value)
        {
            for (int length = 0; length < sample.Image.Length; length++)
            {
                Expect(sample, sample.Image.AsSpan(0, length).ToArray(), $"{sample.Name} truncated to {length}",
                    mustFail: true);
                cases++;
            }
        }

        output.WriteLine($"truncations: {cases} files, all rejected" +
            $"; largest allocation so far {_maxAllocated} bytes");
        Assert.True(cases > 2000, $"{cases} cases");
    }

    [Fact]
    public void Load_RandomBitFlips_FailWithSynapseFileException()
    {
        var random = new Random(20261204);
        int cases = 0;
        foreach (Sample sample in Samples.Value)
        {
            for (int i = 0; i < 1000; i++)
            {
                byte[] file = (byte[])sample.Image.Clone();
                int flips = 1 + random.Next(16);
                for (int f = 0; f < flips; f++)
                {
                    file[random.Next(file.Length)] ^= (byte)(1 << random.Next(8));
                }

                if (file.AsSpan().SequenceEqual(sample.Image))
                {
                    continue;
                }

                Expect(sample, file, $"{sample.Name} bit flips #{i}", mustFail: true);
                cases++;
            }
        }

        output.WriteLine($"bit flips: {cases} files, all rejected (checksums)" +
            $"; largest allocation so far {_maxAllocated} bytes");
        Assert.True(cases > 2900, $"{cases} cases");
    }

    [Fact]
    public void Load_HeaderFieldsForgedWithValidChecksums_LoadOrFailCleanly()
    {
        ulong[] values = [0, 1, 2, 43, 44, 255, 1 << 20, (1 << 20) + 1, int.MaxValue, uint.MaxValue, 1UL << 32,
            long.MaxValue, ulong.MaxValue];
        (int Offset, int Size)[] fields = [(12, 2), (14, 2), (16, 4), (20, 8), (28, 8), (44, 4), (48, 4)];
        int cases = 0, loaded = 0;
        foreach (Sample sample in Samples.Value)
        {
            foreach (var (offset, size) in fields)
            {
                foreach (ulong value in values)
                {
                    byte[] file = (byte[])sample.Image.Clone();
                    WriteField(file, offset, size, value);
                    ContainerFileTests.Reseal(file);
                    loaded += Expect(sample, file, $"{sample.Name} header[{offset}] = {value}", mustFail: false);
                    cases++;
                }
            }
        }

        output.WriteLine($"forged header fields: {cases} files, {loaded} loaded, {cases - loaded} rejected" +
            $"; largest allocation so far {_maxAllocated} bytes");
        Assert.True(cases - loaded > cases / 2);
    }

    [Fact]
    public void Load_PayloadMutationsWithValidChecksums_LoadOrFailCleanly()
    {
        // Bypasses the checksums: mutates the MessagePack payload itself and rewraps it, so that the parser and
        // the definition checks (not the CRC) must catch the damage. Includes forged huge lengths for bin, str,
        // array and map headers.
        byte[][] huge =
        [
            [0xC6, 0x7F, 0xFF, 0xFF, 0xFF], [0xC6, 0xFF, 0xFF, 0xFF, 0xFF], [0xDB, 0xFF, 0xFF, 0xFF, 0xF0],
            [0xDD, 0x7F, 0xFF, 0xFF, 0xFF], [0xDF, 0xFF, 0xFF, 0xFF, 0xFF], [0xDC, 0xFF, 0xFF],
            [0xCF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0xD3, 0x80, 0, 0, 0, 0, 0, 0, 0],
        ];
        var random = new Random(7);
        int cases = 0, loaded = 0;
        foreach (Sample sample in Samples.Value)
        {
            for (int i = 0; i < 800; i++)
            {
                byte[] payload = Mutate(sample.Payload, random, huge);
                byte[] file = ContainerFile.Encode(sample.Kind, new FormatVersion(1, 0), payload);
                loaded += Expect(sample, file, $"{sample.Name} payload mutation #{i}", mustFail: false);
                cases++;
            }
        }

        output.WriteLine($"payload mutations: {cases} files, {loaded} loaded, {cases - loaded} rejected" +
            $"; largest allocation so far {_maxAllocated} bytes");
        Assert.True(cases - loaded > cases / 2, $"only {cases - loaded} of {cases} rejected");
    }

    private static byte[] Mutate(byte[] original, Random random, byte[][] huge)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Special[random.Next(Special.Length)];
                    break;
                case 2:
                    byte[] h = huge[random.Next(huge.Length)];
                    for (int k = 0; k < h.Length && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = h[k];
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 4:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    // Returns 1 when the file loaded, 0 when it was rejected with SynapseFileException; fails the test otherwise.
    private static int Expect(Sample sample, byte[] file, string what, bool mustFail)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int result;
        try
        {
            if (sample.Kind == FileKind.Checkpoint)
            {
                Checkpoint.Decode("fuzz.msgpack", ContainerFile.Decode("fuzz.msgpack", file, new(1, 0)), null);
            }
            else
            {
                SynapseFile.LoadImage("fuzz.msgpack", file, null);
            }

            result = 1;
        }
        catch (SynapseFileException ex)
        {
            Assert.True(ex.Message.StartsWith("fuzz.msgpack: ", StringComparison.Ordinal) && ex.Problem.Length > 5,
                $"{what}: message '{ex.Message}'");
            result = 0;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name} instead of SynapseFileException: {ex}");
            throw;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _maxAllocated = Math.Max(_maxAllocated, allocated);
        Assert.True(allocated < AllocationBound, $"{what}: allocated {allocated} bytes");
        Assert.False(mustFail && result == 1, $"{what}: loaded although it must fail");
        return result;
    }

    private static void WriteField(byte[] file, int offset, int size, ulong value)
    {
        if (offset + size > file.Length)
        {
            return;
        }

        switch (size)
        {
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset), (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(offset), value); break;
        }
    }

    private static Sample[] BuildSamples()
    {
        var (ann, annStore) = SynapseSamples.Build(SynapseSamples.Ann);
        var (sparse, sparseStore) = SynapseSamples.Build(SynapseSamples.Sparse);
        string folder = Directory.CreateTempSubdirectory("fuzz-").FullName;
        try
        {
            string a = Path.Combine(folder, "ann.msgpack");
            SynapseFile.Save(a, ann, annStore, new Dictionary<string, object> { ["mode"] = "ann", ["acc"] = 0.5 });
            string s = Path.Combine(folder, "sparse.msgpack");
            SynapseFile.Save(s, sparse, sparseStore);
            string c = Path.Combine(folder, "checkpoint.msgpack");
            var checkpoint = new Checkpoint(ann, annStore) { Trainer = "ann", Epoch = 3, Batch = 9 };
            checkpoint.OptimizerState["m"] = [1f, 2f, 3f];
            checkpoint.RngState["rng"] = [1, 2, 3, 4];
            checkpoint.Blobs["b"] = [9];
            checkpoint.Save(c);
            return [Sample.Of("ann", a, FileKind.Synapses), Sample.Of("sparse", s, FileKind.Synapses),
                Sample.Of("checkpoint", c, FileKind.Checkpoint)];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Sample(string Name, FileKind Kind, byte[] Image, byte[] Payload)
    {
        public static Sample Of(string name, string path, FileKind kind)
        {
            byte[] image = File.ReadAllBytes(path);
            return new Sample(name, kind, image, ContainerFile.Decode(path, image, new(1, 0)).Payload);
        }
    }
}
