using System.Buffers.Binary;
using System.IO.Hashing;
using NeuroSim.Core.Serialization;

namespace NeuroSim.Tests.Core.Serialization;

public sealed class ContainerFileTests : IDisposable
{
    private static readonly FormatVersion V1 = new(1, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("container-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(ContainerFile.ChunkSize)]
    [InlineData(3 * ContainerFile.ChunkSize + 17)]
    public void WriteRead_PayloadOfLength_ComesBackIdentical(int length)
    {
        string path = Path.Combine(_folder, "x.msgpack");
        byte[] payload = Payload(length);

        ContainerFile.Write(path, FileKind.Checkpoint, new FormatVersion(1, 3), payload);
        ContainerContent read = ContainerFile.Read(path, V1);

        Assert.Equal(payload, read.Payload);
        Assert.Equal(FileKind.Checkpoint, read.Kind);
        Assert.Equal(new FormatVersion(1, 3), read.Version);
    }

    [Fact]
    public void Write_CompressiblePayload_FileIsSmallerThanPayload()
    {
        string path = Path.Combine(_folder, "x.msgpack");
        byte[] payload = new byte[1 << 20];

        ContainerFile.Write(path, FileKind.Synapses, V1, payload);

        Assert.True(new FileInfo(path).Length < payload.Length / 50, $"{new FileInfo(path).Length} bytes");
    }

    [Fact]
    public void Read_NewerMajorVersion_FailsNamingBothVersions()
    {
        byte[] file = Image(Payload(100));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(14), 5);

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Decode("f.msgpack", file, V1));

        Assert.StartsWith("f.msgpack: ", ex.Message);
        Assert.Contains("format version 2.5", ex.Message);
        Assert.Contains("up to 1.x (1.0)", ex.Message);
    }

    [Fact]
    public void Read_NewerMinorVersion_Loads()
    {
        string path = Path.Combine(_folder, "x.msgpack");
        ContainerFile.Write(path, FileKind.Synapses, new FormatVersion(1, 9), Payload(10));

        ContainerContent read = ContainerFile.Read(path, V1);

        Assert.Equal(9, read.Version.Minor);
    }

    [Fact]
    public void Read_MissingFile_FailsNamingFile()
    {
        string path = Path.Combine(_folder, "missing.msgpack");

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Read(path, V1));

        Assert.StartsWith(path + ": cannot read the file", ex.Message);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void Read_DeviceThatNeverEnds_FailsInsteadOfHanging()
    {
        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Read("/dev/zero", V1));

        Assert.StartsWith("/dev/zero: not a NeuroSim synapse file", ex.Message);
    }

    [Fact]
    public void Read_Folder_FailsNamingIt()
    {
        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Read(_folder, V1));

        Assert.StartsWith($"{_folder}: cannot read the file", ex.Message);
    }

    [Fact]
    public void Decode_TextFile_FailsAsNotNeuroSim()
    {
        var ex = Assert.Throws<SynapseFileException>(
            () => ContainerFile.Decode("net.json", "{ \"name\": \"x\" }"u8, V1));

        Assert.Contains("not a NeuroSim synapse file", ex.Message);
    }

    [Fact]
    public void Decode_Truncated_FailsSayingTruncated()
    {
        byte[] file = Image(Payload(5000));

        var ex = Assert.Throws<SynapseFileException>(
            () => ContainerFile.Decode("f", file.AsSpan(0, file.Length - 1), V1));

        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Decode_BodyBitFlip_FailsOnChecksum()
    {
        byte[] file = Image(Payload(5000));
        file[ContainerFile.HeaderSize + 100] ^= 0x10;

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Decode("f", file, V1));

        Assert.Contains("data damaged (checksum", ex.Message);
    }

    [Fact]
    public void Decode_HugePayloadLengthWithValidChecksums_FailsBeforeAllocating()
    {
        byte[] file = Image(Payload(100));
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(20), 1UL << 40);
        Reseal(file);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Decode("f", file, V1));

        Assert.Contains("announces 1099511627776 bytes", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void Decode_ChunkRawLengthTooLargeWithValidChecksums_FailsNamingChunk()
    {
        byte[] file = Image(Payload(100));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(ContainerFile.HeaderSize), 0x7FFF_FFFF);
        Reseal(file);

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Decode("f", file, V1));

        Assert.Contains("chunk 0 at byte 44: raw length 2147483647", ex.Message);
    }

    [Fact]
    public void Decode_UnknownFlags_Fails()
    {
        byte[] file = Image(Payload(100));
        file[16] |= 0x80;
        Reseal(file);

        var ex = Assert.Throws<SynapseFileException>(() => ContainerFile.Decode("f", file, V1));

        Assert.Contains("unknown header flags 0x00000081", ex.Message);
    }

    internal static byte[] Payload(int length)
    {
        var random = new Random(length);
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++)
        {
            payload[i] = (byte)(i % 7 == 0 ? random.Next(256) : i / 64);
        }

        return payload;
    }

    private byte[] Image(byte[] payload)
    {
        string path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        ContainerFile.Write(path, FileKind.Synapses, V1, payload);
        return File.ReadAllBytes(path);
    }

    // Recomputes both checksums after an edit, so the test reaches the checks behind them.
    internal static void Reseal(byte[] file)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36), Crc32.HashToUInt32(file.AsSpan(44)));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), Crc32.HashToUInt32(file.AsSpan(0, 40)));
    }
}
