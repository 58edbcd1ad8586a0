using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>Creates the simulation population of one validated population spec; <c>seed</c> is the run's seed
/// (sources derive their own streams from it).</summary>
public delegate ISpikingPopulation PopulationFactory(PopulationSpec spec, ulong seed);

/// <summary>
/// The kinds the clock engine can simulate, keyed by the network file's <c>kind</c> string. Sim.Neurons and
/// Sim.Encoders register theirs; the CLI composes them. (Parameter names, units and ranges live in core's
/// <see cref="NeuronCatalog"/>; this maps a validated spec to running code.)
/// </summary>
public sealed class PopulationFactories
{
    private readonly Dictionary<string, PopulationFactory> _factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PopulationFactory> _float64 = new(StringComparer.Ordinal);

    /// <summary>The registered kind names.</summary>
    public IEnumerable<string> Kinds => _factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the factory of <paramref name="kind"/>.</summary>
    public PopulationFactories Register(string kind, PopulationFactory factory)
    {
        _factories[kind] = factory;
        return this;
    }

    /// <summary>The factory of <paramref name="kind"/>, if registered.</summary>
    public bool TryGet(string kind, out PopulationFactory factory) => _factories.TryGetValue(kind, out factory!);

    /// <summary>Registers (or replaces) the float64 factory of <paramref name="kind"/> (<see cref="Precision"/>):
    /// it must create an <see cref="IFloat64Population"/>.</summary>
    public PopulationFactories RegisterFloat64(string kind, PopulationFactory factory)
    {
        _float64[kind] = factory;
        return this;
    }

    /// <summary>The float64 factory of <paramref name="kind"/>, if registered.</summary>
    public bool TryGetFloat64(string kind, out PopulationFactory factory) =>
        _float64.TryGetValue(kind, out factory!);
}
