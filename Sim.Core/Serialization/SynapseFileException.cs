namespace NeuroSim.Core.Serialization;

/// <summary>
/// The one error a synapse file or checkpoint reports when it cannot be read: missing, truncated, damaged,
/// written by a newer NeuroSim, or not matching the network definition it carries.
/// </summary>
/// <remarks>
/// The message always starts with the file path, then says what is wrong and where
/// (e.g. <c>runs/x/synapses.msgpack: projection 'ee' weight: expects 1024 float32 values (4096 bytes), file has
/// 4000 bytes</c>). Loading code catches this type only; any other exception escaping a load is a bug.
/// </remarks>
public sealed class SynapseFileException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/> with the problem <paramref name="problem"/>.</summary>
    public SynapseFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
