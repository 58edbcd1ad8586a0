using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Descriptor of one neuron kind (the "kind" string of a population): its family, parameters with
/// dimensions, defaults and rules, state variables, and which weight dimensions a projection onto it may
/// use. Registered in a <see cref="NeuronCatalog"/>; the loader validates populations against it, so unknown
/// kinds and unknown or mistyped parameters are errors.
/// </summary>
public sealed class NeuronKind
{
    /// <summary>Kind name as written in the file ("lif").</summary>
    public required string Name { get; init; }

    /// <summary>Role of the kind.</summary>
    public required NeuronFamily Family { get; init; }

    /// <summary>One-line description for docs and `neurosim inspect`.</summary>
    public string Description { get; init; } = "";

    /// <summary>Declared parameters.</summary>
    public IReadOnlyList<NeuronParameter> Parameters { get; init; } = [];

    /// <summary>State variables that may be initialised and recorded.</summary>
    public IReadOnlyList<StateVariable> StateVariables { get; init; } = [];

    /// <summary>
    /// Weight dimensions accepted on projections onto this kind. Spiking kinds usually take
    /// <see cref="Dimension.Voltage"/> (jump of the synaptic variable); activations take dimensionless weights.
    /// Empty: nothing may project onto this kind (sources, inputs).
    /// </summary>
    public IReadOnlyList<Dimension> WeightDimensions { get; init; } = [];

    /// <summary>
    /// For kinds that accept current weights (pA): the factor that turns a pA weight into the store's unit
    /// (mV for LIF: tau_m / c_m, since ms/pF·pA = mV), given the population's canonical parameters.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, double>? CurrentWeightScale { get; init; }

    /// <summary>
    /// True for sources whose spikes are listed in the file: the population then needs a "spike_times" key
    /// (one array of times per neuron), read into <see cref="PopulationSpec.SpikeTimes"/>.
    /// </summary>
    public bool AcceptsSpikeTimes { get; init; }

    /// <summary>Optional cross-parameter check (aliases, orderings such as v_reset &lt; v_th).</summary>
    public ParamCheck? Check { get; init; }

    /// <summary>The declared parameter with this name, or null.</summary>
    public NeuronParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The state variable with this name, or null.</summary>
    public StateVariable? FindState(string name) => StateVariables.FirstOrDefault(s => s.Name == name);

    /// <summary>True when projections onto this kind may use weights of <paramref name="dimension"/>.</summary>
    public bool AcceptsWeight(Dimension dimension) => WeightDimensions.Contains(dimension);
}
