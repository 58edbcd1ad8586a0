namespace NeuroSim.Core.Network;

/// <summary>
/// One entry of "inputs". Kind "current": a constant current <see cref="Amplitude"/> (pA) injected into the
/// target neurons from <see cref="Start"/> until <see cref="Stop"/> (ms).
/// </summary>
/// <param name="Index">Position in the file's inputs array.</param>
/// <param name="Kind">Input kind ("current").</param>
/// <param name="Target">Target population name.</param>
/// <param name="Amplitude">Current in pA.</param>
/// <param name="Start">Start time in ms (default 0).</param>
/// <param name="Stop">Stop time in ms (default: end of the run, +infinity).</param>
/// <param name="Neurons">Target neuron indices, or null for every neuron.</param>
public sealed record InputSpec(int Index, string Kind, string Target, double Amplitude, double Start, double Stop,
    IReadOnlyList<int>? Neurons)
{
    /// <summary>Input kinds the loader accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["current"];
}
