using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>Creates <see cref="LifPopulation"/>s from validated network-file specs (kind <c>lif</c>).</summary>
public static class LifFactory
{
    /// <summary>Registers kind <c>lif</c> (float32, and float64 for <c>"precision": "float64"</c>).</summary>
    public static PopulationFactories AddLif(this PopulationFactories factories) =>
        factories.Register("lif", Create).RegisterFloat64("lif", CreateFloat64);

    /// <summary>The population of <paramref name="spec"/>; parameters arrive in canonical units (ms, pF, mV,
    /// pA).</summary>
    public static LifPopulation Create(PopulationSpec spec, ulong seed) =>
        new(spec.Name, spec.Size, Parameters(spec));

    /// <summary>The float64 population of <paramref name="spec"/> (<see cref="Float64LifPopulation"/>).</summary>
    public static Float64LifPopulation CreateFloat64(PopulationSpec spec, ulong seed) =>
        new(spec.Name, spec.Size, Parameters(spec));

    private static LifParameters Parameters(PopulationSpec spec) => new(
        spec.Param("tau_m"), spec.Param("c_m"), spec.Param("e_l"), spec.Param("v_th"), spec.Param("v_reset"),
        spec.Param("t_ref"), spec.Param("tau_syn_e"), spec.Param("tau_syn_i"),
        spec.Params.TryGetValue("i_e", out double ie) ? ie : 0.0);
}
