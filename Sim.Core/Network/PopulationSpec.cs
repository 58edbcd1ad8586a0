namespace NeuroSim.Core.Network;

/// <summary>
/// One entry of "populations": a named group of <see cref="Size"/> neurons of one kind.
/// </summary>
/// <param name="Index">Position in the file's populations array.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Size">Number of neurons (&gt;= 1).</param>
/// <param name="Kind">The kind descriptor from the catalogue ("lif", "poisson", "relu", ...).</param>
/// <param name="Params">Every declared parameter in canonical units (ms, mV, pA, pF, Hz), defaults filled.</param>
/// <param name="Init">Initial values by state variable name (only those the file gives).</param>
public sealed record PopulationSpec(int Index, string Name, int Size, NeuronKind Kind,
    IReadOnlyDictionary<string, double> Params, IReadOnlyDictionary<string, InitSpec> Init)
{
    /// <summary>
    /// For kinds that take spike times (<see cref="NeuronKind.AcceptsSpikeTimes"/>, e.g. "spike_times"): the
    /// firing times of each neuron in ms, ascending, from the file's "spike_times" key; otherwise null.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? SpikeTimes { get; init; }

    /// <summary>The kind name ("lif").</summary>
    public string KindName => Kind.Name;

    /// <summary>
    /// A parameter in canonical units; throws <see cref="KeyNotFoundException"/> naming it if absent.
    /// </summary>
    public double Param(string name) => Params.TryGetValue(name, out double value)
        ? value
        : throw new KeyNotFoundException($"population '{Name}' ({Kind.Name}) has no parameter '{name}'");
}
