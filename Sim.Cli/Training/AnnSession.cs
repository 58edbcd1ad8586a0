using NeuroSim.Core.Network;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Training;

/// <summary>
/// What train and eval share: the training section and the data sets (both load files through
/// <see cref="CliLoadOptions.Default"/>).
/// </summary>
public static class AnnSession
{
    /// <summary>True when every population is the input or an ANN activation kind.</summary>
    public static bool IsRateNetwork(NetworkSpec spec) =>
        spec.Populations.All(p => p.KindName == "input" || ActivationFunctions.FromKind(p.KindName) is not null);

    /// <summary>The validated training section (defaults when the file has none).</summary>
    public static AnnTrainingSpec ReadTraining(NetworkSpec spec)
    {
        var reader = spec.CreateReader();
        AnnTrainingSpec? training = TrainingSectionReader.Read(reader, spec.Training);
        reader.ThrowIfErrors();
        return training!;
    }

    /// <summary>
    /// Loads the training and test sets: <paramref name="overridePath"/> (--data) if given, else the file's
    /// data.set (a relative folder is taken from the network file's folder); then applies the limits.
    /// </summary>
    public static (DataSet Train, DataSet Test) LoadData(AnnDataSpec data, string? overridePath, string networkFile)
    {
        var (train, test) = DataSetLocator.Load(SetPath(data, overridePath, networkFile));
        if (data.TrainLimit is int t && t < train.Count)
        {
            train = train.Take(t);
        }

        return (train, LimitTest(data, test));
    }

    /// <summary>
    /// Loads only the test set (t10k-* files; eval needs no training images), located as in
    /// <see cref="LoadData"/>, with the test limit applied.
    /// </summary>
    public static DataSet LoadTestData(AnnDataSpec data, string? overridePath, string networkFile) =>
        LimitTest(data, DataSetLocator.LoadTest(SetPath(data, overridePath, networkFile)));

    private static string SetPath(AnnDataSpec data, string? overridePath, string networkFile)
    {
        string set = overridePath ?? data.Set;
        if (overridePath is null && set != DataSetLocator.MnistSample && set != DataSetLocator.FashionMnist &&
            !Path.IsPathRooted(set))
        {
            set = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(networkFile)) ?? ".", set);
        }

        return set;
    }

    private static DataSet LimitTest(AnnDataSpec data, DataSet test) =>
        data.TestLimit is int s && s < test.Count ? test.Take(s) : test;
}
