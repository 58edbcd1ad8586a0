using System.Text.Json.Nodes;

namespace NeuroSim.Core.Network;

/// <summary>
/// A validated network definition, as loaded by <see cref="NetworkLoader"/>. Every quantity is in its
/// canonical unit (ms, mV, pA, pF, Hz). Immutable apart from the raw JSON nodes of sections owned by other
/// projects (<see cref="Training"/>, <see cref="ProjectionSpec.Plasticity"/>), which are private copies.
/// </summary>
/// <param name="Name">Network name (default: file name without extension).</param>
/// <param name="FileName">File the spec came from (used in error messages).</param>
/// <param name="SourceText">The file's JSON text, as read (for serialization with the synapses).</param>
/// <param name="Simulation">dt, duration, seed, engine.</param>
/// <param name="Populations">Populations in file order.</param>
/// <param name="Projections">Projections in file order.</param>
/// <param name="Inputs">External inputs in file order.</param>
/// <param name="Recording">What to record.</param>
/// <param name="Training">The raw "training" object, or null.</param>
public sealed record NetworkSpec(string Name, string FileName, string SourceText, SimulationSpec Simulation,
    IReadOnlyList<PopulationSpec> Populations, IReadOnlyList<ProjectionSpec> Projections,
    IReadOnlyList<InputSpec> Inputs, RecordingSpec Recording, JsonObject? Training)
{
    /// <summary>The population with this name; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public PopulationSpec Population(string name) => Populations.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"network '{Name}' has no population '{name}'");

    /// <summary>The projection with this name; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public ProjectionSpec Projection(string name) => Projections.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"network '{Name}' has no projection '{name}'");

    /// <summary>Total number of neurons over all populations.</summary>
    public long NeuronCount => Populations.Sum(p => (long)p.Size);

    /// <summary>
    /// A fresh <see cref="SpecReader"/> over this file (with line numbers) for owners that parse their
    /// section after loading; prefer registering a validator in <see cref="NetworkLoadOptions"/> so the
    /// errors join the loader's report.
    /// </summary>
    public SpecReader CreateReader() => new(FileName, SpecLineMap.Build(SourceText));
}
