using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Neurons.Leaky;

namespace NeuroSim.Neurons.Snu;

/// <summary>
/// The Spiking Neural Unit of SNN training (network-file kind <c>snu</c>; Woźniak et al., Nature Machine
/// Intelligence 2, 2020) for the clock engine, with exactly the forward arithmetic of the trainer's
/// <c>SpikingLayer</c>.
/// </summary>
/// <remarks>
/// <para>Per active step t (dimensionless; I_t = b + Σ of the synaptic jumps delivered this step):</para>
/// <code>
/// s_t = max(0, I_t + λ s_{t−1} (1 − y_{t−1}))       λ = decay
/// y_t = 1 when s_t − θ &gt; 0, else 0                  θ = threshold = −b of the paper
/// soft (sSNU):  y_t = σ(s_t − θ) = 1 / (1 + e^−(s_t − θ))
/// </code>
/// <para>The state is reset to zero by the previous step's spike (the factor 1 − y_{t−1}) and kept non-negative by
/// the ReLU; <c>v</c> holds s_t. The comparison is strict and the float operations are done in the trainer's
/// order (input, then the decayed state, then the ReLU as IEEE maximum), so a bias-free layer gives the trainer's
/// spikes to the bit. Both receptors add their (signed) weights to the same input.</para>
/// <para>Soft units (<c>ssnu</c>, <see cref="Soft"/>) compute y_t with the trainer's sigmoid (two branches, so
/// that exp never overflows) and emit no spikes: their output is a real number in (0, 1), which the engine's
/// spikes (an index whose arrival adds the whole weight) cannot carry. They are only meaningful where nothing
/// receives their output, i.e. as a network's readout, whose y is read from the state variable <c>y</c>.</para>
/// <para>Latency and windows as for <see cref="LeakyPopulation"/> (<see cref="ITrainedLayerPopulation"/>).</para>
/// </remarks>
public sealed class SnuPopulation : TrainedLayerPopulation
{
    private readonly float _decay, _threshold;
    private readonly float[] _s, _y, _input;

    /// <summary>Creates <paramref name="size"/> units with state decay <paramref name="decay"/> λ in [0, 1] and
    /// threshold <paramref name="threshold"/>; <paramref name="soft"/> makes them sSNUs (sigmoid output, no
    /// spikes).</summary>
    public SnuPopulation(string name, int size, double decay, double threshold, bool soft = false)
        : base(name, size)
    {
        if (!(decay >= 0 && decay <= 1))
        {
            throw new ArgumentException($"{name}: decay must be in [0, 1] (got {decay})", "decay");
        }

        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException($"{name}: threshold must be finite (got {threshold})", "threshold");
        }

        _decay = (float)decay;
        _threshold = (float)threshold;
        Soft = soft;
        _s = new float[size];
        _y = new float[size];
        _input = new float[size];
    }

    /// <summary>The decay λ as the trainer uses it (the file's value rounded to float32).</summary>
    public float Decay => _decay;

    /// <summary>Whether the units are soft (sSNU): y = σ(s − θ) in the state variable <c>y</c>, no
    /// spikes.</summary>
    public bool Soft { get; }

    /// <inheritdoc/>
    public override float[] Variable(string name) => name switch
    {
        "v" => _s,
        "y" => _y,
        _ => throw new ArgumentException($"{Name}: an snu population has no state variable '{name}'", nameof(name)),
    };

    /// <inheritdoc/>
    /// <remarks>λ is a per-step factor given in the file; it does not depend on dt.</remarks>
    public override void Prepare(double dt)
    {
    }

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
            input.Clear();
            return;
        }

        float decay = _decay;
        float[]? bias = Bias, thresholds = Thresholds;
        for (int k = start; k < end; k++)
        {
            float theta = thresholds is null ? _threshold : thresholds[k];
            float cur = bias is null ? _input[k] : bias[k] + _input[k];
            _input[k] = 0f;
            if (t > 0)
            {
                cur += decay * _s[k] * (1f - _y[k]);
            }

            cur = MathF.Max(cur, 0f);
            _s[k] = cur;
            if (Soft)
            {
                _y[k] = Sigmoid(cur - theta);
            }
            else if (cur - theta > 0f)
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

    // σ(x) with the trainer's operations (SigmoidSurrogate with k = 1): e^(−|x|) ≤ 1, so exp never overflows.
    private static float Sigmoid(float x)
    {
        if (x >= 0f)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        float e = MathF.Exp(x);
        return e / (1f + e);
    }
}
