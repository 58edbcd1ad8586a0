using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Descriptors of the neuron kinds NeuroSim ships with. Parameter names, units and defaults here are the
/// ones the network format documents (docs/network-format.md); the dynamics live in Sim.Neurons/Sim.Encoders.
/// </summary>
public static class BuiltInNeuronKinds
{
    /// <summary>
    /// Current-based leaky integrate-and-fire neuron with exponentially decaying synaptic variables
    /// (Brian2's CUBA form, NEST's iaf_psc_exp up to the weight unit):
    /// tau_m dv/dt = -(v - e_l) + g_e + g_i + (tau_m / c_m) i_e,  tau_syn_e dg_e/dt = -g_e,
    /// tau_syn_i dg_i/dt = -g_i. A spike of a synapse of weight w (mV) adds w to g_e or g_i (by receptor);
    /// a weight in pA is converted with R = tau_m / c_m (w_mV = w_pA · tau_m / c_m). When v crosses v_th the
    /// neuron spikes, v is set to v_reset and held there for t_ref. Defaults follow NEST's iaf_psc_exp.
    /// "tau_syn" sets both synaptic time constants and may not be combined with tau_syn_e / tau_syn_i.
    /// </summary>
    public static NeuronKind Lif { get; } = new()
    {
        Name = "lif",
        Family = NeuronFamily.Spiking,
        Description = "current-based LIF with exponential synaptic currents (exact integration)",
        Parameters =
        [
            new("tau_m", Dimension.Time, 10.0, ParamRule.Positive, Description: "membrane time constant"),
            new("c_m", Dimension.Capacitance, 250.0, ParamRule.Positive, Description: "membrane capacitance"),
            new("e_l", Dimension.Voltage, -70.0, Description: "resting (leak reversal) potential"),
            new("v_th", Dimension.Voltage, -55.0, Description: "spike threshold"),
            new("v_reset", Dimension.Voltage, -70.0, Description: "reset potential"),
            new("t_ref", Dimension.Time, 2.0, ParamRule.NonNegative, Description: "refractory period"),
            new("tau_syn_e", Dimension.Time, 2.0, ParamRule.Positive, Description: "excitatory synaptic time constant"),
            new("tau_syn_i", Dimension.Time, 2.0, ParamRule.Positive, Description: "inhibitory synaptic time constant"),
            new("tau_syn", Dimension.Time, null, ParamRule.Positive, Description: "sets tau_syn_e and tau_syn_i"),
            new("i_e", Dimension.Current, 0.0, Description: "constant bias current"),
        ],
        StateVariables =
        [
            new("v", Dimension.Voltage, "membrane potential (default e_l)"),
            new("g_e", Dimension.Voltage, "excitatory synaptic variable (default 0)"),
            new("g_i", Dimension.Voltage, "inhibitory synaptic variable (default 0)"),
        ],
        WeightDimensions = [Dimension.Voltage, Dimension.Current],
        CurrentWeightScale = p => p["tau_m"] / p["c_m"],
        Check = CheckLif,
    };

    /// <summary>Poisson spike source: each neuron spikes in a step of length dt with probability rate·dt.</summary>
    public static NeuronKind Poisson { get; } = new()
    {
        Name = "poisson",
        Family = NeuronFamily.Source,
        Description = "Poisson spike source (independent per neuron, deterministic per seed)",
        Parameters = [new("rate", Dimension.Frequency, null, ParamRule.NonNegative, Required: true)],
    };

    /// <summary>Regular spike source: spikes at phase, phase + 1/rate, phase + 2/rate, ...</summary>
    public static NeuronKind Regular { get; } = new()
    {
        Name = "regular",
        Family = NeuronFamily.Source,
        Description = "regular spike source at a fixed rate, first spike at 'phase'",
        Parameters =
        [
            new("rate", Dimension.Frequency, null, ParamRule.NonNegative, Required: true),
            new("phase", Dimension.Time, 0.0, ParamRule.NonNegative, Description: "time of the first spike"),
        ],
    };

    /// <summary>
    /// Spike source that fires at times listed in the file ("spike_times": one array per neuron, in ms,
    /// ascending); times need not lie on the dt grid (how an engine treats off-grid times is the engine's rule).
    /// </summary>
    public static NeuronKind SpikeTimes { get; } = new()
    {
        Name = "spike_times",
        Family = NeuronFamily.Source,
        Description = "spike source with the firing times given in the file (key spike_times)",
        AcceptsSpikeTimes = true,
    };

    /// <summary>Data input layer for ANN/SNN training (values come from the data set).</summary>
    public static NeuronKind Input { get; } = new()
    {
        Name = "input",
        Family = NeuronFamily.Input,
        Description = "data input (ANN/SNN training)",
    };

    /// <summary>max(0, x).</summary>
    public static NeuronKind Relu { get; } = Activation("relu", "max(0, x)");

    /// <summary>tanh(x).</summary>
    public static NeuronKind Tanh { get; } = Activation("tanh", "tanh(x)");

    /// <summary>1 / (1 + e^-x).</summary>
    public static NeuronKind Sigmoid { get; } = Activation("sigmoid", "1 / (1 + exp(-x))");

    /// <summary>x.</summary>
    public static NeuronKind Linear { get; } = Activation("linear", "x");

    /// <summary>exp(x_i) / sum_j exp(x_j) over the population.</summary>
    public static NeuronKind Softmax { get; } = Activation("softmax", "exp(x_i) / sum_j exp(x_j)");

    /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
    public static NeuronKind LeakyRelu { get; } = new()
    {
        Name = "leaky_relu",
        Family = NeuronFamily.Activation,
        Description = "x if x > 0 else slope * x",
        Parameters = [new("slope", Dimension.Dimensionless, 0.01, ParamRule.NonNegative)],
        WeightDimensions = [Dimension.Dimensionless],
    };

    /// <summary>Every built-in kind.</summary>
    public static IReadOnlyList<NeuronKind> All { get; } =
        [Lif, Poisson, Regular, SpikeTimes, Input, Relu, Tanh, Sigmoid, LeakyRelu, Linear, Softmax];

    private static NeuronKind Activation(string name, string formula) => new()
    {
        Name = name,
        Family = NeuronFamily.Activation,
        Description = formula,
        WeightDimensions = [Dimension.Dimensionless],
    };

    private static void CheckLif(Dictionary<string, double> values, IReadOnlySet<string> given,
        Action<string, string, string?> error)
    {
        if (given.Contains("tau_syn"))
        {
            if (given.Contains("tau_syn_e") || given.Contains("tau_syn_i"))
            {
                error("tau_syn", "tau_syn sets both tau_syn_e and tau_syn_i; give either it or them", null);
            }

            values["tau_syn_e"] = values["tau_syn"];
            values["tau_syn_i"] = values["tau_syn"];
        }

        values.Remove("tau_syn");
        if (values["v_reset"] >= values["v_th"])
        {
            error("v_reset", $"must be below v_th ({Quantity.Format(values["v_th"], Dimension.Voltage)})",
                Quantity.Format(values["v_reset"], Dimension.Voltage));
        }
    }
}
