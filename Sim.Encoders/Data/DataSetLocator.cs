namespace NeuroSim.Encoders.Data;

/// <summary>
/// Finds a train/test pair of IDX data sets from a name or a path:
/// <list type="bullet">
/// <item><c>mnist-sample</c>: the bundled 8,000/2,000 digits in the repository's data/mnist-sample/, found
/// by walking up from the current folder and from the program's folder (or under $NEUROSIM_DATA).</item>
/// <item><c>fashion-mnist</c>: Debian's dataset-fashion-mnist package, /usr/share/datasets/fashion-mnist/
/// (or $NEUROSIM_DATA/fashion-mnist).</item>
/// <item>a folder holding the four standard files train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each gzipped (.gz) or not.</item>
/// </list>
/// </summary>
public static class DataSetLocator
{
    /// <summary>Name of the bundled sample.</summary>
    public const string MnistSample = "mnist-sample";

    /// <summary>Name of Fashion-MNIST as installed by Debian.</summary>
    public const string FashionMnist = "fashion-mnist";

    /// <summary>Where Debian's dataset-fashion-mnist installs its files.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Resolves <paramref name="nameOrFolder"/> to a folder holding the four IDX files.</summary>
    /// <exception cref="FileNotFoundException">Nothing matches; the message says where it looked.</exception>
    public static string ResolveFolder(string nameOrFolder) => ResolveFolder(nameOrFolder, "train-images-idx3-ubyte");

    /// <summary>Resolves <paramref name="nameOrFolder"/> to the first candidate folder that holds
    /// <paramref name="stem"/>[.gz].</summary>
    /// <exception cref="FileNotFoundException">Nothing matches; the message says where it looked.</exception>
    public static string ResolveFolder(string nameOrFolder, string stem)
    {
        var candidates = new List<string>();
        string? env = Environment.GetEnvironmentVariable("NEUROSIM_DATA");
        if (nameOrFolder == MnistSample)
        {
            if (env is not null)
            {
                candidates.Add(Path.Combine(env, MnistSample));
            }

            candidates.AddRange(WalkUp(Environment.CurrentDirectory, Path.Combine("data", MnistSample)));
            candidates.AddRange(WalkUp(AppContext.BaseDirectory, Path.Combine("data", MnistSample)));
        }
        else if (nameOrFolder == FashionMnist)
        {
            if (env is not null)
            {
                candidates.Add(Path.Combine(env, FashionMnist));
            }

            candidates.Add(DebianFashionMnistFolder);
        }
        else
        {
            candidates.Add(Path.GetFullPath(nameOrFolder));
        }

        foreach (string folder in candidates)
        {
            if (FindFile(folder, stem) is not null)
            {
                return folder;
            }
        }

        string hint = nameOrFolder == FashionMnist ? " (install it: apt-get install dataset-fashion-mnist)" : "";
        throw new FileNotFoundException($"data set '{nameOrFolder}': no {stem}[.gz] in " +
            string.Join(", ", candidates.Distinct()) + hint);
    }

    /// <summary>Loads the training and test sets named by <paramref name="nameOrFolder"/>.</summary>
    public static (DataSet Train, DataSet Test) Load(string nameOrFolder)
    {
        string folder = ResolveFolder(nameOrFolder);
        DataSet train = DataSet.FromIdx(Require(folder, "train-images-idx3-ubyte"),
            Require(folder, "train-labels-idx1-ubyte"));
        DataSet test = DataSet.FromIdx(Require(folder, "t10k-images-idx3-ubyte"),
            Require(folder, "t10k-labels-idx1-ubyte"));
        if (train.Features != test.Features)
        {
            throw new InvalidDataException($"{folder}: training images have {train.Features} pixels, test images " +
                $"{test.Features}");
        }

        return (train, test);
    }

    /// <summary>
    /// Loads only the test set (t10k-images/labels) named by <paramref name="nameOrFolder"/>; a folder needs no
    /// training files for this.
    /// </summary>
    public static DataSet LoadTest(string nameOrFolder)
    {
        string folder = ResolveFolder(nameOrFolder, "t10k-images-idx3-ubyte");
        return DataSet.FromIdx(Require(folder, "t10k-images-idx3-ubyte"), Require(folder, "t10k-labels-idx1-ubyte"));
    }

    private static string Require(string folder, string stem) =>
        FindFile(folder, stem) ?? throw new FileNotFoundException($"{folder}: missing {stem}[.gz]");

    private static string? FindFile(string folder, string stem)
    {
        foreach (string name in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx") })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static IEnumerable<string> WalkUp(string start, string relative)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, relative);
        }
    }
}
