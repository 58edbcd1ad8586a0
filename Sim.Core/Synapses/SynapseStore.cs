namespace NeuroSim.Core.Synapses;

/// <summary>
/// Every projection's synapses for one network (DESIGN.md: "the synapse store is the centre"). Built from a
/// spec by <see cref="SynapseStoreBuilder"/> or rebuilt from arrays by the serializer; engines, trainers and
/// plasticity rules share the same <see cref="Projection"/> arrays. Per-neuron parameters that training changed
/// (<see cref="NeuronParameters"/>, e.g. trained thresholds) live here too, so that a saved store is the whole
/// trained network.
/// </summary>
public sealed class SynapseStore
{
    private readonly Dictionary<string, Projection> _byName;
    private readonly List<PerNeuronParameter> _parameters = [];

    /// <summary>Creates a store over <paramref name="projections"/> (names must be unique) and optional
    /// per-neuron parameters (one per population and name).</summary>
    public SynapseStore(IEnumerable<Projection> projections, IEnumerable<PerNeuronParameter>? parameters = null)
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

        foreach (var parameter in parameters ?? [])
        {
            if (TryGetNeuronParameter(parameter.Population, parameter.Name, out _))
            {
                throw new ArgumentException($"duplicate neuron parameter '{parameter.Name}' of population " +
                    $"'{parameter.Population}'");
            }

            _parameters.Add(parameter);
        }
    }

    /// <summary>Per-neuron parameter arrays (e.g. trained thresholds), in the order they were added.</summary>
    public IReadOnlyList<PerNeuronParameter> NeuronParameters => _parameters;

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

    /// <summary>The per-neuron values of parameter <paramref name="name"/> of <paramref name="population"/>, if the
    /// store holds them (the live array).</summary>
    public bool TryGetNeuronParameter(string population, string name, out float[] values)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Population == population && parameter.Name == name)
            {
                values = parameter.Values;
                return true;
            }
        }

        values = null!;
        return false;
    }

    /// <summary>Stores <paramref name="values"/> (kept, not copied) as the per-neuron values of parameter
    /// <paramref name="name"/> of <paramref name="population"/>, replacing any held before. Sizes are checked
    /// against the network definition when the store is saved.</summary>
    public void SetNeuronParameter(string population, string name, float[] values)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var parameter = new PerNeuronParameter(population, name, values);
        int index = _parameters.FindIndex(p => p.Population == population && p.Name == name);
        if (index >= 0)
        {
            _parameters[index] = parameter;
        }
        else
        {
            _parameters.Add(parameter);
        }
    }
}
