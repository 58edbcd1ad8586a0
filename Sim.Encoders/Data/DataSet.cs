namespace NeuroSim.Encoders.Data;

/// <summary>
/// A labelled image data set held in memory: <see cref="Count"/> samples of <see cref="Features"/> values in
/// [0, 1] (pixel / 255), row-major in <see cref="Inputs"/> (sample i is Inputs[i·Features .. (i+1)·Features)),
/// and one class label per sample in [0, <see cref="Classes"/>).
/// </summary>
public sealed class DataSet
{
    /// <summary>Wraps arrays (not copied). Labels must lie in [0, classes).</summary>
    public DataSet(string name, float[] inputs, byte[] labels, int features, int classes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (inputs.Length != (long)labels.Length * features)
        {
            throw new ArgumentException($"{name}: {inputs.Length} inputs for {labels.Length} labels of " +
                $"{features} features", nameof(inputs));
        }

        int bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw new ArgumentException($"{name}: label {labels[bad]} of sample {bad} is not below {classes}",
                nameof(labels));
        }

        Name = name;
        Inputs = inputs;
        Labels = labels;
        Features = features;
        Classes = classes;
    }

    /// <summary>Where the data came from (a folder or a set name), for messages and metrics.</summary>
    public string Name { get; }

    /// <summary>Inputs in [0, 1], Count × Features, row-major.</summary>
    public float[] Inputs { get; }

    /// <summary>Class label of each sample.</summary>
    public byte[] Labels { get; }

    /// <summary>Values per sample (784 for 28 × 28 images).</summary>
    public int Features { get; }

    /// <summary>Number of classes (10 for MNIST and Fashion-MNIST).</summary>
    public int Classes { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>The inputs of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Sample(int index) => Inputs.AsSpan(index * Features, Features);

    /// <summary>The first <paramref name="count"/> samples (copied), e.g. a subset for a quick run.</summary>
    public DataSet Take(int count)
    {
        count = Math.Clamp(count, 0, Count);
        return new DataSet($"{Name}[:{count}]", Inputs.AsSpan(0, count * Features).ToArray(),
            Labels.AsSpan(0, count).ToArray(), Features, Classes);
    }

    /// <summary>
    /// A copy whose features are reordered: output feature j is input feature permutation[j] (the permuted-MNIST
    /// tasks of continual-learning studies).
    /// </summary>
    public DataSet Permuted(ReadOnlySpan<int> permutation, string name)
    {
        if (permutation.Length != Features)
        {
            throw new ArgumentException($"permutation has {permutation.Length} entries, need {Features}");
        }

        var inputs = new float[Inputs.Length];
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<float> src = Sample(i);
            Span<float> dst = inputs.AsSpan(i * Features, Features);
            for (int j = 0; j < Features; j++)
            {
                dst[j] = src[permutation[j]];
            }
        }

        return new DataSet(name, inputs, (byte[])Labels.Clone(), Features, Classes);
    }

    /// <summary>
    /// Builds a data set from an IDX image file (N × rows × cols bytes) and an IDX label file (N bytes).
    /// Pixels are scaled to [0, 1] as value / 255.
    /// </summary>
    public static DataSet FromIdx(string imagesPath, string labelsPath, int classes = 10)
    {
        var (imageDims, pixels) = IdxReader.Read(imagesPath);
        var (labelDims, labels) = IdxReader.Read(labelsPath);
        if (labelDims.Length != 1)
        {
            throw new InvalidDataException($"{labelsPath}: IDX: labels must have 1 dimension (got {labelDims.Length})");
        }

        if (imageDims[0] != labelDims[0])
        {
            throw new InvalidDataException($"{imagesPath}: {imageDims[0]} images but {labelsPath} holds " +
                $"{labelDims[0]} labels");
        }

        int features = imageDims.Length == 1 ? 1 : pixels.Length / Math.Max(1, imageDims[0]);
        int bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw new InvalidDataException($"{labelsPath}: label {labels[bad]} at index {bad} must be < {classes}");
        }

        var inputs = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            inputs[i] = pixels[i] / 255f;
        }

        return new DataSet(imagesPath, inputs, labels, features, classes);
    }
}
