using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;

namespace NeuroSim.Encoders.Sources;

/// <summary>Creates spike-source populations from validated network-file specs (kinds <c>poisson</c>,
/// <c>regular</c>, <c>spike_times</c>).</summary>
public static class SourceFactories
{
    /// <summary>Registers kinds <c>poisson</c>, <c>regular</c> and <c>spike_times</c> (the file's times, used exactly
    /// by the event engine in exact timing and put in the step that contains them by the clock engine).</summary>
    public static PopulationFactories AddSources(this PopulationFactories factories) => factories
        .Register("poisson", (spec, seed) =>
            new PoissonSourcePopulation(spec.Name, spec.Size, spec.Param("rate"), seed))
        .Register("regular", (spec, _) => new RegularSourcePopulation(spec.Name, spec.Size, spec.Param("rate"),
            spec.Params.TryGetValue("phase", out double phase) ? phase : 0.0))
        .Register("spike_times", (spec, _) => new SpikeTimeSourcePopulation(spec.Name, TimesOf(spec)));

    // The loader requires the key for this kind, so null here is a programming error.
    private static double[][] TimesOf(PopulationSpec spec) =>
        (spec.SpikeTimes ?? throw new ArgumentException($"{spec.Name}: a spike_times population needs spike_times"))
        .Select(times => times.ToArray()).ToArray();
}
