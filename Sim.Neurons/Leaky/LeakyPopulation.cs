using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Leaky;

/// <summary>
/// The discrete-time leaky integrate-and-fire neuron of SNN training (network-file kind <c>leaky</c>) for the
/// clock engine, with exactly the forward arithmetic of the trainer's <c>SpikingLayer</c>.
/// </summary>
/// <remarks>
/// <para>Per active step t (dimensionless; I_t = b + Σ of the synaptic jumps delivered this step):</para>
/// <code>
/// subtract:  v_t = I_t + (β v_{t−1} − θ y_{t−1})
/// zero:      v_t = I_t + β v_{t−1} (1 − y_{t−1})
/// y_t = 1 when v_t − θ &gt; 0, else 0;   β = exp(−dt/τ_m)
/// </code>
/// <para>As in the trainer, <c>v</c> holds the membrane before the reset (the reset is applied at the next step),
/// the comparison is strict, and the float operations are done in the same order, so a bias-free layer gives
/// the trainer's spikes to the bit. Both receptors add their (signed) weights to the same input.</para>
/// <para>Latency: the engine delivers a spike found in step n at step n + 1, while the trainer propagates through
/// all layers within one step. A layer at depth d (the input population at depth 0) therefore starts at engine
/// step <see cref="TrainedLayerPopulation.StartStep"/> = d and runs
/// <see cref="TrainedLayerPopulation.ActiveSteps"/> = T steps: engine step d + t is trainer step t. Outside its
/// window the population neither integrates nor spikes and discards delivered input.</para>
/// </remarks>
public sealed class LeakyPopulation : TrainedLayerPopulation
{
    private readonly double _tauMs;
    private readonly float _threshold;
    private readonly bool _subtract;
    private readonly float[] _v, _y, _input;
    private float _beta;

    /// <summary>Creates <paramref name="size"/> neurons with membrane time constant <paramref name="tauMs"/> (ms),
    /// threshold <paramref name="threshold"/> and reset by subtraction (or to zero).</summary>
    public LeakyPopulation(string name, int size, double tauMs, double threshold, bool resetBySubtraction)
        : base(name, size)
    {
        if (!(tauMs > 0) || double.IsInfinity(tauMs))
        {
            throw new ArgumentException($"{name}: tau_m must be > 0 ms (got {tauMs} ms)", "tau_m");
        }

        _tauMs = tauMs;
        _threshold = (float)threshold;
        _subtract = resetBySubtraction;
        _v = new float[size];
        _y = new float[size];
        _input = new float[size];
    }

    /// <summary>The decay β = exp(−dt/τ_m), computed by <see cref="Prepare"/> as the trainer computes it.</summary>
    public float Beta => _beta;

    /// <inheritdoc/>
    public override float[] Variable(string name) => name switch
    {
        "v" => _v,
        "y" => _y,
        _ => throw new ArgumentException($"{Name}: a leaky population has no state variable '{name}'", nameof(name)),
    };

    /// <inheritdoc/>
    public override void Prepare(double dt) => _beta = (float)Math.Exp(-dt / _tauMs);

    /// <inheritdoc/>
    public override Span<float> SynapticVariable(Receptor receptor) => _input;

    /// <inheritdoc/>
    public override void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        var input = _input.AsSpan(start, end - start);
        due.AddTo(input, input);
        long t = step - StartStep;
        if (t < 0 || t >= ActiveSteps)
        {
            _input.AsSpan(start, end - start).Clear();
            return;
        }

        float beta = _beta;
        float[]? bias = Bias, thresholds = Thresholds;
        for (int k = start; k < end; k++)
        {
            float theta = thresholds is null ? _threshold : thresholds[k];
            float cur = bias is null ? _input[k] : bias[k] + _input[k];
            _input[k] = 0f;
            if (t > 0)
            {
                cur += _subtract ? beta * _v[k] - theta * _y[k] : beta * _v[k] * (1f - _y[k]);
            }

            _v[k] = cur;
            if (cur - theta > 0f)
            {
                _y[k] = 1f;
                spikes.Add(k);
            }
            else
            {
                _y[k] = 0f;
            }
        }
    }
}
