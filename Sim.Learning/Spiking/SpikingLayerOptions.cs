using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// Configuration of one trainable spiking layer. All quantities are dimensionless (the membrane is in units of
/// the weights); <see cref="Beta"/> = exp(−dt/τ_m) is computed once by whoever knows dt and τ_m.
/// </summary>
/// <param name="InputSize">Presynaptic neurons m.</param>
/// <param name="Size">Neurons n of the layer.</param>
/// <param name="Model">Neuron model.</param>
/// <param name="Beta">Membrane decay per step, in [0, 1] (the SNU's leak λ).</param>
/// <param name="Threshold">Initial firing threshold θ (the SNU's −b), the same for every neuron.</param>
/// <param name="Reset">Reset of LIF neurons; SNUs always reset to zero.</param>
/// <param name="Recurrent">Whether the layer has recurrent weights V (n × n) from its own previous spikes.</param>
/// <param name="TrainThreshold">Whether θ (per neuron) receives a gradient.</param>
/// <param name="Surrogate">Surrogate derivative of the spike function.</param>
/// <param name="SmoothForward">Forward uses the surrogate's primitive instead of the step (exact gradients).</param>
public sealed record SpikingLayerOptions(
    int InputSize,
    int Size,
    SpikingNeuronModel Model,
    float Beta,
    float Threshold,
    ResetMode Reset,
    bool Recurrent,
    bool TrainThreshold,
    Surrogate Surrogate,
    bool SmoothForward = false)
{
    /// <summary>Throws when a value is out of range (names the field and the value).</summary>
    public void Validate()
    {
        if (InputSize < 1 || Size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), $"layer sizes must be ≥ 1 (got {InputSize} → {Size})");
        }

        if (!(Beta >= 0f && Beta <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), $"beta must be in [0, 1] (got {Beta})");
        }

        if (!float.IsFinite(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), $"threshold must be finite (got {Threshold})");
        }

        if (Model != SpikingNeuronModel.Lif && Reset != ResetMode.Zero)
        {
            throw new ArgumentException($"{Model} neurons reset to zero (got reset {Reset})", nameof(Reset));
        }
    }
}
