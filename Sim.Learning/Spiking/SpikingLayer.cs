using System.Numerics.Tensors;
using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// A trainable layer of spiking neurons over T discrete steps: the forward pass and its exact reverse
/// (backpropagation through time, through the reset) for one sample.
/// </summary>
/// <remarks>
/// Per step t, with input x_t (m values), current I_t = W x_t + b + V y_{t−1} (V only when recurrent):
/// <code>
/// LIF, subtract:  v_t = β v_{t−1} + I_t − θ ⊙ y_{t−1}
/// LIF, zero:      v_t = β v_{t−1} ⊙ (1 − y_{t−1}) + I_t
/// SNU:            s_t = ReLU(I_t + λ s_{t−1} ⊙ (1 − y_{t−1}))          (λ = β; Woźniak et al. 2020)
///                 y_t = H(v_t − θ)       (SNU: y_t = H(s_t + b), b = −θ; sSNU: y_t = σ(s_t − θ))
/// </code>
/// The backward pass replaces H' by the surrogate derivative and follows every path through the state,
/// the reset and the recurrent weights, so the gradient is exact when <see cref="SpikingLayerOptions.SmoothForward"/>
/// makes the forward pass use the surrogate's primitive. Weights live in the network's synapse store: W is
/// row-major [post, pre] (<see cref="Weights"/>), and the layer only holds references to those arrays; the
/// transposed copies used by the sparse kernels are scratch ([m, stride], rows padded to the kernels' stride),
/// refreshed by <see cref="PrepareBatch"/> once per mini-batch. Input spikes are sparse, so the forward current
/// and the weight gradient cost O(active inputs × n) per step rather than O(m × n) (<see cref="SpikeKernels"/>
/// over the input's <see cref="SpikeList"/>); no gradient is computed for the input of the first layer.
/// </remarks>
public sealed class SpikingLayer
{
    private readonly Surrogate _spike;
    private readonly bool _smooth, _relu, _subtract;
    private readonly float _beta;

    /// <summary>Creates the layer over existing weight arrays (not copied).</summary>
    /// <param name="options">Configuration (validated here).</param>
    /// <param name="weights">W, row-major [Size, InputSize].</param>
    /// <param name="bias">b [Size], or null for no bias.</param>
    /// <param name="recurrentWeights">V, row-major [Size, Size] (post, pre), required when recurrent.</param>
    /// <param name="threshold">θ per neuron [Size], or null to create one filled with the options' threshold.</param>
    public SpikingLayer(SpikingLayerOptions options, float[] weights, float[]? bias = null,
        float[]? recurrentWeights = null, float[]? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weights);
        options.Validate();
        int n = options.Size, m = options.InputSize;
        CheckLength(weights, n * m, nameof(weights));
        if (bias is not null)
        {
            CheckLength(bias, n, nameof(bias));
        }

        if (options.Recurrent)
        {
            ArgumentNullException.ThrowIfNull(recurrentWeights);
            CheckLength(recurrentWeights, n * n, nameof(recurrentWeights));
        }

        if (threshold is not null)
        {
            CheckLength(threshold, n, nameof(threshold));
        }

        Options = options;
        Weights = weights;
        Bias = bias;
        RecurrentWeights = options.Recurrent ? recurrentWeights : null;
        Threshold = threshold ?? Enumerable.Repeat(options.Threshold, n).ToArray();
        WeightGradient = new float[n * m];
        BiasGradient = bias is null ? null : new float[n];
        RecurrentGradient = options.Recurrent ? new float[n * n] : null;
        ThresholdGradient = options.TrainThreshold ? new float[n] : null;
        Stride = SpikeKernels.PaddedStride(n);
        WeightsTransposed = new float[m * Stride];
        RecurrentTransposed = options.Recurrent ? new float[n * n] : null;
        bool soft = options.Model == SpikingNeuronModel.SoftSnu;
        _spike = soft ? new SigmoidSurrogate(1f) : options.Surrogate;
        _smooth = soft || options.SmoothForward;
        _relu = options.Model != SpikingNeuronModel.Lif;
        _subtract = options.Model == SpikingNeuronModel.Lif && options.Reset == ResetMode.Subtract;
        _beta = options.Beta;
    }

    /// <summary>The configuration.</summary>
    public SpikingLayerOptions Options { get; }

    /// <summary>Presynaptic size m.</summary>
    public int InputSize => Options.InputSize;

    /// <summary>Number of neurons n.</summary>
    public int Size => Options.Size;

    /// <summary>W [n, m] (the synapse store's array).</summary>
    public float[] Weights { get; }

    /// <summary>b [n] or null.</summary>
    public float[]? Bias { get; }

    /// <summary>V [n, n] or null.</summary>
    public float[]? RecurrentWeights { get; }

    /// <summary>θ [n].</summary>
    public float[] Threshold { get; }

    /// <summary>dL/dW [n, m], written by the BPTT engine.</summary>
    public float[] WeightGradient { get; }

    /// <summary>dL/db [n] or null.</summary>
    public float[]? BiasGradient { get; }

    /// <summary>dL/dV [n, n] or null.</summary>
    public float[]? RecurrentGradient { get; }

    /// <summary>dL/dθ [n], or null when the threshold is fixed.</summary>
    public float[]? ThresholdGradient { get; }

    /// <summary>Row stride of <see cref="WeightsTransposed"/>, of the transposed weight-gradient accumulators and
    /// of the per-sample current gradient: n rounded up to <see cref="SpikeKernels.StrideMultiple"/>.</summary>
    internal int Stride { get; }

    /// <summary>Wᵀ [m, <see cref="Stride"/>]; padding lanes are zero.</summary>
    internal float[] WeightsTransposed { get; }

    internal float[]? RecurrentTransposed { get; }

    /// <summary>Refreshes the transposed scratch copies from the weights; call after every weight update.</summary>
    public void PrepareBatch()
    {
        Transposition.Transpose(Weights, Size, InputSize, InputSize, WeightsTransposed, Stride);
        if (RecurrentWeights is not null)
        {
            Transposition.Transpose(RecurrentWeights, Size, Size, Size, RecurrentTransposed!, Size);
        }
    }

    /// <summary>
    /// Runs one sample forward over T steps from a dense input x [T, m] (time-major); writes v (membrane, or SNU
    /// state s) and y (outputs), both [T, n]. Allocates the input's <see cref="SpikeList"/>: for single samples
    /// and tests; the BPTT engine keeps its lists.
    /// </summary>
    internal void Forward(ReadOnlySpan<float> x, Span<float> v, Span<float> y, int steps)
    {
        var list = new SpikeList(steps, InputSize);
        list.Build(x);
        Forward(list, v, y, steps);
    }

    /// <summary>Runs one sample forward over T steps (x.Steps = T); writes v and y, both [T, n].</summary>
    internal void Forward(SpikeList x, Span<float> v, Span<float> y, int steps)
    {
        System.Diagnostics.Debug.Assert(x.Steps == steps && x.Size == InputSize, "spike list shape");
        int n = Size;
        SpikeKernels.GatherRows(x, WeightsTransposed, Stride, Bias, v, n);
        for (int t = 0; t < steps; t++)
        {
            Span<float> cur = v.Slice(t * n, n);
            if (t > 0)
            {
                AddMemory(v.Slice((t - 1) * n, n), y.Slice((t - 1) * n, n), cur);
            }

            if (_relu)
            {
                TensorPrimitives.Max(cur, 0f, cur);
            }

            Fire(cur, y.Slice(t * n, n));
        }
    }

    /// <summary>
    /// Reverses <see cref="Forward(SpikeList, Span{float}, Span{float}, int)"/> for one sample and accumulates
    /// this sample's parameter gradients.
    /// </summary>
    /// <param name="x">The sample's input [T, m] as built for the forward pass.</param>
    /// <param name="v">Membrane (state) from the forward pass [T, n].</param>
    /// <param name="y">Outputs from the forward pass [T, n].</param>
    /// <param name="gyExt">dL/dy_t arriving from above (already GRAPES-modulated) [T, n].</param>
    /// <param name="gvExt">dL/dv_t from a membrane loss [T, n], or empty.</param>
    /// <param name="grads">This chunk's gradient accumulators and scratch.</param>
    /// <param name="gx">Receives dL/dx_t [T, m] for the layer below, or empty when not needed.</param>
    /// <param name="steps">T.</param>
    /// <param name="truncation">Window K of truncated BPTT (state gradient cut between steps kK−1 and kK), 0 =
    /// full.</param>
    internal void Backward(SpikeList x, ReadOnlySpan<float> v, ReadOnlySpan<float> y,
        ReadOnlySpan<float> gyExt, ReadOnlySpan<float> gvExt, LayerGradients grads, Span<float> gx, int steps,
        int truncation)
    {
        int n = Size, p = Stride;
        Span<float> gi = grads.CurrentGradient.AsSpan(0, steps * p);
        Span<float> gy = grads.OutputScratch;
        Span<float> sg = grads.SurrogateScratch;
        float[] theta = Threshold;
        for (int t = steps - 1; t >= 0; t--)
        {
            bool carry = t < steps - 1 && (truncation <= 0 || (t + 1) % truncation != 0);
            ReadOnlySpan<float> vt = v.Slice(t * n, n), yt = y.Slice(t * n, n);
            ReadOnlySpan<float> next = carry ? gi.Slice((t + 1) * p, n) : default;
            Span<float> git = gi.Slice(t * p, n);

            // dL/dy_t: from above, plus (when the state gradient flows) the reset and recurrent paths of step t+1.
            gyExt.Slice(t * n, n).CopyTo(gy);
            if (carry)
            {
                AddOutputPathsFromNextStep(vt, next, gy);
            }

            // dL/d(state_t) = dL/dy_t · σ'(v_t − θ) + membrane loss + leak path; then the ReLU mask for SNUs.
            TensorPrimitives.Subtract(vt, theta, sg);
            _spike.Derivative(sg, sg);
            ReadOnlySpan<float> gvt = gvExt.IsEmpty ? default : gvExt.Slice(t * n, n);
            SpikingStepKernels.StateGradient(gy, sg, gvt, next, yt, vt, _beta, _subtract, _relu, git);

            if (grads.Threshold is not null)
            {
                for (int k = 0; k < n; k++)
                {
                    grads.Threshold[k] -= gy[k] * sg[k] + (carry && _subtract ? yt[k] * next[k] : 0f);
                }
            }
        }

        AccumulateParameterGradients(x, y, gi, grads, gx, steps);
    }

    private void AddMemory(ReadOnlySpan<float> prevV, ReadOnlySpan<float> prevY, Span<float> cur)
    {
        int n = Size;
        if (RecurrentTransposed is not null)
        {
            for (int j = 0; j < n; j++)
            {
                float yv = prevY[j];
                if (yv != 0f)
                {
                    AddScaled(RecurrentTransposed.AsSpan(j * n, n), yv, cur);
                }
            }
        }

        if (_subtract)
        {
            SpikingStepKernels.LeakSubtract(prevV, prevY, Threshold, _beta, cur);
        }
        else
        {
            SpikingStepKernels.LeakZero(prevV, prevY, _beta, cur);
        }
    }

    private void Fire(ReadOnlySpan<float> vt, Span<float> yt)
    {
        float[] theta = Threshold;
        if (!_smooth)
        {
            SpikingStepKernels.Heaviside(vt, theta, yt);
            return;
        }

        for (int k = 0; k < vt.Length; k++)
        {
            yt[k] = _spike.Primitive(vt[k] - theta[k]);
        }
    }

    private void AddOutputPathsFromNextStep(ReadOnlySpan<float> vt, ReadOnlySpan<float> next, Span<float> gy)
    {
        int n = Size;
        if (RecurrentWeights is not null)
        {
            // I_{t+1} += V y_t  ⇒  dL/dy_t[j] += Σ_k dL/dI_{t+1}[k] · V[k, j]
            for (int k = 0; k < n; k++)
            {
                float g = next[k];
                if (g != 0f)
                {
                    TensorPrimitives.MultiplyAdd(RecurrentWeights.AsSpan(k * n, n), g, gy, gy);
                }
            }
        }

        if (_subtract)
        {
            SpikingStepKernels.SubtractResetPath(Threshold, next, gy);
        }
        else
        {
            SpikingStepKernels.ZeroResetPath(vt, _beta, next, gy);
        }
    }

    private void AccumulateParameterGradients(SpikeList x, ReadOnlySpan<float> y, ReadOnlySpan<float> gi,
        LayerGradients grads, Span<float> gx, int steps)
    {
        int n = Size, m = InputSize, p = Stride;
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<float> git = gi.Slice(t * p, n);
            if (grads.Bias is not null)
            {
                TensorPrimitives.Add(grads.Bias, git, grads.Bias);
            }

            if (grads.RecurrentTransposed is not null && t > 0)
            {
                ReadOnlySpan<float> prev = y.Slice((t - 1) * n, n);
                for (int j = 0; j < n; j++)
                {
                    float yv = prev[j];
                    if (yv != 0f)
                    {
                        AddScaled(git, yv, grads.RecurrentTransposed.AsSpan(j * n, n));
                    }
                }
            }
        }

        // dL/dW[k, j] += Σ_t x_t[j] · dL/dI_t[k] over the active (t, j) only, each element's terms in step order.
        SpikeKernels.ScatterOuter(x, gi, p, grads.WeightsTransposed, p, n);
        grads.MarkRows(x);
        if (!gx.IsEmpty)
        {
            // dL/dx_t = Wᵀ dL/dI_t for every step at once: gx [T, m] = gi [T, n] · W [n, m] (BLAS).
            Gemm.Sgemm(false, false, steps, m, n, 1f, gi, p, Weights, m, 0f, gx[..(steps * m)], m);
        }
    }

    // destination += scale · source. Spikes are mostly exactly 1, where a plain add gives the same bits as the
    // multiply-add (1·x is exact) at about half the cost.
    private static void AddScaled(ReadOnlySpan<float> source, float scale, Span<float> destination)
    {
        if (scale == 1f)
        {
            TensorPrimitives.Add(source, destination, destination);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(source, scale, destination, destination);
        }
    }

    private static void CheckLength(float[] array, int expected, string name)
    {
        if (array.Length != expected)
        {
            throw new ArgumentException($"{name} must hold {expected} values (got {array.Length})", name);
        }
    }
}
