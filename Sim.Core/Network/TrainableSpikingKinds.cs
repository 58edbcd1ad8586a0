using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Neuron kinds of trainable spiking layers (SNN mode), for the network file's populations. Their state and
/// weights are dimensionless (in units of the weights, threshold default 1), unlike the physical "lif" of the
/// simulation engines, so that "init" weight schemes and biases apply as in ANN mode. Only the descriptors live
/// here (so that <see cref="NeuronCatalog.Default"/> knows them); the dynamics and their gradients are
/// Sim.Learning's SpikingLayer.
/// <list type="bullet">
/// <item>"leaky": discrete-time LIF, v_t = β v_{t−1} + I_t − θ·y_{t−1} (reset by subtraction) or
/// β v_{t−1}(1 − y_{t−1}) + I_t (reset to zero, training.snn.reset), β = exp(−dt/tau_m), y_t = H(v_t − θ).</item>
/// <item>"snu": Spiking Neural Unit (Woźniak et al., Nature Machine Intelligence 2, 2020):
/// s_t = ReLU(I_t + λ s_{t−1}(1 − y_{t−1})), y_t = H(s_t − θ); λ = "decay".</item>
/// <item>"ssnu": soft SNU, y_t = σ(s_t − θ).</item>
/// </list>
/// </summary>
public static class TrainableSpikingKinds
{
    /// <summary>Discrete-time LIF for BPTT.</summary>
    public static NeuronKind Leaky { get; } = new()
    {
        Name = "leaky",
        Family = NeuronFamily.Spiking,
        Description = "discrete-time LIF for surrogate-gradient training (dimensionless, beta = exp(-dt/tau_m))",
        Parameters =
        [
            new("tau_m", Dimension.Time, 20.0, ParamRule.Positive, Description: "membrane time constant"),
            new("threshold", Dimension.Dimensionless, 1.0, ParamRule.Positive, Description: "firing threshold"),
        ],
        WeightDimensions = [Dimension.Dimensionless],
    };

    /// <summary>SNU with step output.</summary>
    public static NeuronKind Snu { get; } = Unit("snu", "spiking neural unit (ReLU state, step output)");

    /// <summary>SNU with sigmoid output.</summary>
    public static NeuronKind SoftSnu { get; } = Unit("ssnu", "soft spiking neural unit (sigmoid output)");

    /// <summary>The three kinds.</summary>
    public static IReadOnlyList<NeuronKind> All { get; } = [Leaky, Snu, SoftSnu];

    private static NeuronKind Unit(string name, string description) => new()
    {
        Name = name,
        Family = NeuronFamily.Spiking,
        Description = description,
        Parameters =
        [
            new("decay", Dimension.Dimensionless, 0.8, ParamRule.NonNegative, Description: "state decay λ in [0, 1]"),
            new("threshold", Dimension.Dimensionless, 1.0, ParamRule.Any, Description: "threshold θ = −b"),
        ],
        WeightDimensions = [Dimension.Dimensionless],
    };
}
