namespace NeuroSim.Core.Synapses;

/// <summary>
/// Every projection's synapses for one network (DESIGN.md: "the synapse store is the centre"). Built from a
/// spec by <see cref="SynapseStoreBuilder"/> or rebuilt from arrays by the serializer; engines, trainers and
/// plasticity rules share the same <see cref="Projection"/> arrays.
/// </summary>
public sealed class SynapseStore
{
    private readonly Dictionary<string, Projection> _byName;

    /// <summary>Creates a store over <paramref name="projections"/> (names must be unique).</summary>
    public SynapseStore(IEnumerable<Projection> projections)
    {
        Projections = [.. projections];
        _byName = new Dictionary<string, Projection>(StringComparer.Ordinal);
        foreach (var projection in Projections)
        {
            if (!_byName.TryAdd(projection.Name, projection))
            {
                throw new ArgumentException($"duplicate projection name '{projection.Name}'");
            }
        }
    }

    /// <summary>Projections in the network file's order.</summary>
    public IReadOnlyList<Projection> Projections { get; }

    /// <summary>Total number of synapses.</summary>
    public long SynapseCount => Projections.Sum(p => (long)p.SynapseCount);

    /// <summary>The projection with this name; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public Projection this[string name] => _byName.TryGetValue(name, out var projection)
        ? projection
        : throw new KeyNotFoundException($"no projection named '{name}'");

    /// <summary>Looks a projection up by name.</summary>
    public bool TryGet(string name, out Projection projection) => _byName.TryGetValue(name, out projection!);

    /// <summary>Projections whose target is <paramref name="population"/>.</summary>
    public IEnumerable<Projection> Into(string population) => Projections.Where(p => p.Target == population);

    /// <summary>Projections whose source is <paramref name="population"/>.</summary>
    public IEnumerable<Projection> From(string population) => Projections.Where(p => p.Source == population);
}
