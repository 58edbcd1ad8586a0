using System.IO.Compression;
using NeuroSim.Encoders.Data;

namespace NeuroSim.Tests.Encoders.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("neurosim-idx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SmallFile_ReturnsDimensionsAndBytes(bool gzip)
    {
        byte[] bytes = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 1, 2, 3, 250, 251, 255];
        string path = Write("x.idx", bytes, gzip);

        var (dims, data) = IdxReader.Read(path);

        Assert.Equal([2, 1, 3], dims);
        Assert.Equal([1, 2, 3, 250, 251, 255], data);
    }

    [Fact]
    public void Read_WrongDataType_ThrowsNamingFileAndType()
    {
        string path = Write("bad.idx", [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], false);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("0x0d", ex.Message);
    }

    [Fact]
    public void Read_TruncatedData_ThrowsNamingFile()
    {
        string path = Write("short.idx.gz", [0, 0, 8, 1, 0, 0, 0, 5, 1, 2], true);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("file ends before the 5 data bytes", ex.Message);
    }

    [Fact]
    public void FromIdx_ImagesAndLabels_ScalesPixelsToUnitInterval()
    {
        string images = Write("i.gz", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 255, 51, 102], true);
        string labels = Write("l", [0, 0, 8, 1, 0, 0, 0, 2, 7, 3], false);

        DataSet set = DataSet.FromIdx(images, labels);

        Assert.Equal(2, set.Count);
        Assert.Equal(2, set.Features);
        Assert.Equal([0f, 1f, 51f / 255f, 102f / 255f], set.Inputs);
        Assert.Equal([7, 3], set.Labels);
    }

    [Fact]
    public void FromIdx_LabelCountMismatch_ThrowsNamingBothFiles()
    {
        string images = Write("i", [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 1, 5, 6], false);
        string labels = Write("l", [0, 0, 8, 1, 0, 0, 0, 1, 7], false);
        var ex = Assert.Throws<InvalidDataException>(() => DataSet.FromIdx(images, labels));
        Assert.Contains("2 images", ex.Message);
        Assert.Contains("1 labels", ex.Message);
    }

    [Fact]
    public void Load_BundledSample_Has8000TrainAnd2000TestDigitsOfAllClasses()
    {
        var (train, test) = DataSetLocator.Load(DataSetLocator.MnistSample);

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.Equal(784, train.Features);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Contains((byte)c, test.Labels));
        Assert.InRange(train.Inputs.Max(), 0.99f, 1f);
        // Class counts of the npm package (README): the test split takes every fifth of the interleaved digits.
        Assert.Equal(1127, train.Labels.Count(l => l == 1) + test.Labels.Count(l => l == 1));
        Assert.Equal(231, test.Labels.Count(l => l == 1));
    }

    [Fact]
    public void ResolveFolder_UnknownFolder_ThrowsSayingWhereItLooked()
    {
        string missing = Path.Combine(folder, "nothing-here");
        var ex = Assert.Throws<FileNotFoundException>(() => DataSetLocator.ResolveFolder(missing));
        Assert.Contains(missing, ex.Message);
        Assert.Contains("train-images-idx3-ubyte", ex.Message);
    }

    private string Write(string name, byte[] bytes, bool gzip)
    {
        string path = Path.Combine(folder, name);
        using var file = File.Create(path);
        if (gzip)
        {
            using var z = new GZipStream(file, CompressionLevel.Fastest);
            z.Write(bytes);
        }
        else
        {
            file.Write(bytes);
        }

        return path;
    }
}
