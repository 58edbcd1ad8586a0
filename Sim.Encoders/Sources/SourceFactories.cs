using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Encoders.Sources;

/// <summary>Creates spike-source populations from validated network-file specs (kinds <c>poisson</c>,
/// <c>regular</c>).</summary>
public static class SourceFactories
{
    /// <summary>Registers kinds <c>poisson</c> and <c>regular</c>.</summary>
    public static PopulationFactories AddSources(this PopulationFactories factories) => factories
        .Register("poisson", (spec, seed) =>
            new PoissonSourcePopulation(spec.Name, spec.Size, spec.Param("rate"), seed))
        .Register("regular", (spec, _) => new RegularSourcePopulation(spec.Name, spec.Size, spec.Param("rate"),
            spec.Params.TryGetValue("phase", out double phase) ? phase : 0.0));
}
