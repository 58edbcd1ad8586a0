using NeuroSim.Core.Engine;

namespace NeuroSim.Neurons.Leaky;

/// <summary>Registers the <c>leaky</c> kind (parameters <c>tau_m</c>, <c>threshold</c>) with the clock
/// engine.</summary>
public static class LeakyFactory
{
    /// <summary>Adds <c>leaky</c>; the reset mode is not a population parameter (it is the training section's
    /// <c>snn.reset</c>), so the caller passes it (default: subtraction, the trainer's default).</summary>
    public static PopulationFactories AddLeaky(this PopulationFactories factories, bool resetBySubtraction = true) =>
        factories.Register("leaky", (spec, _) => new LeakyPopulation(spec.Name, spec.Size, spec.Param("tau_m"),
            spec.Param("threshold"), resetBySubtraction));
}
