using System.Globalization;
using System.Text.Json;
using NeuroSim.Core.IO;

namespace NeuroSim.Tests.Core.IO;

public sealed class NpzWriterTests : IDisposable
{
    // Prints, for every array in the archive, its dtype, shape and values (floats via repr, which round-trips
    // exactly: numpy converts float32 to a Python float, a double, without loss).
    private const string Dump = """
        import sys, json, numpy as np
        with np.load(sys.argv[1], allow_pickle=False) as z:
            out = {k: {"dtype": z[k].dtype.str, "shape": list(z[k].shape),
                       "values": [repr(v) for v in z[k].reshape(-1).tolist()]} for k in z.files}
        print(json.dumps(out))
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("npz-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteFile_AllDTypesAndShapes_NumPyReadsIdenticalValues()
    {
        string path = Path.Combine(_folder, "a.npz");
        float[] f32 = [1.5f, -0f, float.MaxValue, float.Epsilon, 1f / 3f, -7.25f];
        double[] f64 = [Math.PI, -1e-300, double.MinValue, 0.1];
        int[] i32 = [int.MinValue, -1, 0, int.MaxValue];
        long[] i64 = [long.MinValue, 42, long.MaxValue];
        byte[] u8 = [0, 1, 127, 128, 255];

        NpzWriter.WriteFile(path, npz =>
        {
            npz.Add<float>("w.f32", f32, [2, 3]);
            npz.AddVector<double>("f64", f64);
            npz.Add<int>("i32", i32, [4, 1]);
            npz.AddVector<long>("i64", i64);
            npz.AddVector<byte>("u8", u8);
            npz.AddScalar("scalar_f32", 2.75f);
            npz.AddScalar("scalar_i64", -9L);
            npz.AddVector<float>("empty", ReadOnlySpan<float>.Empty);
            npz.Add<double>("empty2d", ReadOnlySpan<double>.Empty, [0, 5]);
        });

        using JsonDocument doc = JsonDocument.Parse(NumPy.Run(Dump, path));
        JsonElement root = doc.RootElement;
        AssertArray(root, "w.f32", "<f4", [2, 3], f32.Select(v => (double)v));
        AssertArray(root, "f64", "<f8", [4], f64);
        AssertArray(root, "i32", "<i4", [4, 1], i32.Select(v => (double)v));
        AssertArray(root, "i64", "<i8", [3], null, i64.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        AssertArray(root, "u8", "|u1", [5], u8.Select(v => (double)v));
        AssertArray(root, "scalar_f32", "<f4", [], [2.75]);
        AssertArray(root, "scalar_i64", "<i8", [], [-9]);
        AssertArray(root, "empty", "<f4", [0], []);
        AssertArray(root, "empty2d", "<f8", [0, 5], []);
        Assert.Equal(9, root.EnumerateObject().Count());
    }

    [Fact]
    public void WriteFile_Compressed_NumPyReadsIdenticalValues()
    {
        string path = Path.Combine(_folder, "c.npz");
        float[] values = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i)).ToArray();

        NpzWriter.WriteFile(path, npz => npz.Add<float>("x", values, [10, 100]), compress: true);

        using JsonDocument doc = JsonDocument.Parse(NumPy.Run(Dump, path));
        AssertArray(doc.RootElement, "x", "<f4", [10, 100], values.Select(v => (double)v));
    }

    [Fact]
    public void Add_ShapeDoesNotMatchCount_ThrowsNamingBoth()
    {
        using var npz = new NpzWriter(new MemoryStream());

        var ex = Assert.Throws<ArgumentException>(() => npz.Add<float>("x", new float[5], [2, 3]));

        Assert.Contains("holds 6 elements but 5 were given", ex.Message);
        Assert.Equal("shape", ex.ParamName);
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        using var npz = new NpzWriter(new MemoryStream());
        npz.AddScalar("x", 1);

        var ex = Assert.Throws<ArgumentException>(() => npz.AddScalar("x", 2));

        Assert.Contains("'x' was already added", ex.Message);
    }

    [Fact]
    public void Add_NameWithSlash_Throws()
    {
        using var npz = new NpzWriter(new MemoryStream());

        var ex = Assert.Throws<ArgumentException>(() => npz.AddScalar("a/b", 1));

        Assert.Contains("'a/b'", ex.Message);
    }

    [Fact]
    public void Write_HeaderIsPaddedTo64BytesAndEndsWithNewline()
    {
        var stream = new MemoryStream();

        NpyWriter.Write<float>(stream, new float[6], [2, 3]);

        byte[] bytes = stream.ToArray();
        int headerLength = bytes[8] | (bytes[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal((byte)'\n', bytes[10 + headerLength - 1]);
        Assert.Equal(10 + headerLength + 24, bytes.Length);
        string dict = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength).TrimEnd();
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", dict);
    }

    [Fact]
    public void DType_UnsupportedType_Throws()
    {
        var ex = Assert.Throws<NotSupportedException>(() => NpyWriter.DType<decimal>());

        Assert.Contains("Decimal", ex.Message);
    }

    private static void AssertArray(JsonElement root, string name, string dtype, int[] shape,
        IEnumerable<double>? values, IEnumerable<string>? exactText = null)
    {
        JsonElement a = root.GetProperty(name);
        Assert.Equal(dtype, a.GetProperty("dtype").GetString());
        Assert.Equal(shape, a.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        string[] got = a.GetProperty("values").EnumerateArray().Select(e => e.GetString()!).ToArray();
        if (exactText != null)
        {
            Assert.Equal(exactText.ToArray(), got);
            return;
        }

        // Exact comparison: Python's repr of a double parses back to the identical double.
        double[] parsed = got.Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        double[] expected = values!.ToArray();
        Assert.Equal(expected.Length, parsed.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(parsed[i]),
                $"{name}[{i}]: expected {expected[i]:R}, numpy read {parsed[i]:R}");
        }
    }
}
