using NeuroSim.Core.Engine;

namespace NeuroSim.Neurons.Snu;

/// <summary>Registers the <c>snu</c> kind (parameters <c>decay</c>, <c>threshold</c>) with the clock
/// engine.</summary>
public static class SnuFactory
{
    /// <summary>Adds <c>snu</c> (Spiking Neural Units; reset to zero by their own spike).</summary>
    public static PopulationFactories AddSnu(this PopulationFactories factories) =>
        factories.Register("snu", (spec, _) => new SnuPopulation(spec.Name, spec.Size, spec.Param("decay"),
            spec.Param("threshold")));

    /// <summary>Adds <c>ssnu</c> (soft units: sigmoid output, no spikes). Only for callers that make sure nothing
    /// receives their output (a trained network's readout), since a projection from them would deliver nothing;
    /// ordinary network runs do not register it.</summary>
    public static PopulationFactories AddSoftSnuReadout(this PopulationFactories factories) =>
        factories.Register("ssnu", (spec, _) => new SnuPopulation(spec.Name, spec.Size, spec.Param("decay"),
            spec.Param("threshold"), soft: true));
}
