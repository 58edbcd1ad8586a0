using System.Numerics.Tensors;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Losses;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Learning.Ann;

/// <summary>
/// Mini-batch training and evaluation of an <see cref="AnnNetwork"/> whose weights live in the synapse store.
/// A batch is held row-major (one sample per row), so a layer's forward pass is one sgemm A = X·Wᵀ.
/// One training step (<see cref="TrainBatch"/>):
/// <list type="number">
/// <item>GRAPES factors from the weights as they are before this batch's update (docs/grapes.md).</item>
/// <item>Forward: a[l] = h[l−1]·W[l]ᵀ + b[l], h[l] = f(a[l]), inverted dropout on hidden layers.</item>
/// <item>Loss and output error δ[L] (softmax cross-entropy: y − t; MSE: (h − t) ⊙ f').</item>
/// <item>Backward, top down: δ[l] from δ[l+1] through W[l+1] (backprop), fixed B[l+1] (FA), or from e through
/// D[l] (DFA); times the dropout mask and f'(a[l]); GRAPES modulation (propagating or local).</item>
/// <item>Gradients G[l] = δ[l]ᵀ·h[l−1] / batch, g_b = mean of δ[l]; checked for NaN/∞.</item>
/// <item>Optimiser step on every weight and bias array, then a NaN/∞ check of the weights.</item>
/// </list>
/// All buffers are allocated once for <see cref="AnnTrainingOptions.BatchSize"/> samples; nothing is allocated
/// per batch. The only parallelism is inside BLAS.
/// </summary>
public sealed class AnnTrainer : IEpochTrainer
{
    private readonly AnnNetwork network;
    private readonly AnnTrainingOptions options;
    private readonly int capacity;
    private readonly int layerCount;
    private readonly float[] input;
    private readonly byte[] labels;
    private readonly float[][] pre, post, passOn, delta, masks, gradW, gradB, factors, presynaptic;
    private readonly int[] weightSlots, biasSlots;
    private readonly FeedbackMatrices feedback;
    private readonly Optimizer optimizer;
    private readonly TrainingRandom shuffleRandom, dropoutRandom;
    private readonly float[] gather;
    private readonly byte[] gatherLabels;
    private readonly float[][] weightArrays;
    private int[] order = [];

    /// <summary>Prepares buffers, feedback matrices, optimiser state and random streams from the seed.</summary>
    public AnnTrainer(AnnNetwork network, AnnTrainingOptions options)
    {
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        if (options.Dropout is < 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Dropout, "dropout must be in [0, 1)");
        }

        if (options.Loss == LossKind.SoftmaxCrossEntropy && network.Layers[^1].Activation != Activation.Linear)
        {
            throw new ArgumentException($"cross_entropy applies softmax itself: the readout layer " +
                $"{network.Layers[^1].Name} must be linear (got {network.Layers[^1].Activation})");
        }

        capacity = options.BatchSize;
        layerCount = network.Layers.Count;
        input = new float[capacity * network.InputSize];
        labels = new byte[capacity];
        gather = new float[capacity * network.InputSize];
        gatherLabels = new byte[capacity];
        weightArrays = network.Layers.Select(x => x.Weights).ToArray();
        pre = new float[layerCount][];
        post = new float[layerCount][];
        passOn = new float[layerCount][];
        delta = new float[layerCount][];
        masks = new float[layerCount][];
        gradW = new float[layerCount][];
        gradB = new float[layerCount][];
        factors = new float[layerCount][];
        presynaptic = new float[layerCount][];
        weightSlots = new int[layerCount];
        biasSlots = new int[layerCount];
        optimizer = new Optimizer(options.Optimizer);
        AllocateLayers();

        var master = new TrainingRandom(options.Seed);
        shuffleRandom = master.Fork();
        dropoutRandom = master.Fork();
        feedback = FeedbackMatrices.Create(options.Signal, network.Sizes(), options.FeedbackInit, master.Fork());
    }

    /// <summary>The options the trainer was built with.</summary>
    public AnnTrainingOptions Options => options;

    /// <summary>The network being trained.</summary>
    public AnnNetwork Network => network;

    /// <summary>The optimiser (its state goes into checkpoints).</summary>
    public Optimizer Optimizer => optimizer;

    /// <summary>The fixed feedback matrices of FA / DFA (empty entries for backprop).</summary>
    public FeedbackMatrices Feedback => feedback;

    /// <summary>The random stream that shuffles the training set each epoch (state for checkpoints).</summary>
    public TrainingRandom ShuffleRandom => shuffleRandom;

    /// <summary>The random stream of the dropout masks (state for checkpoints).</summary>
    public TrainingRandom DropoutRandom => dropoutRandom;

    /// <summary>The last weight gradient of layer <paramref name="layer"/> (0-based), Outputs × Inputs.</summary>
    public ReadOnlySpan<float> WeightGradient(int layer) => gradW[layer];

    /// <summary>The last computed bias gradient of layer <paramref name="layer"/> (empty without bias).</summary>
    public ReadOnlySpan<float> BiasGradient(int layer) => gradB[layer];

    /// <summary>The GRAPES importance factors F of hidden layer <paramref name="layer"/> of the last batch.</summary>
    public ReadOnlySpan<float> ImportanceFactors(int layer) => factors[layer];

    /// <summary>The DFA + GRAPES presynaptic factors P of layer <paramref name="layer"/> of the last batch.</summary>
    public ReadOnlySpan<float> PresynapticFactors(int layer) => presynaptic[layer];

    /// <summary>
    /// Forward and backward pass on <paramref name="count"/> samples (row-major inputs, labels) without changing
    /// the weights; fills the gradients. Returns the summed loss and the number of correct predictions.
    /// </summary>
    public (double LossSum, int Correct) ComputeGradients(ReadOnlySpan<float> inputs,
        ReadOnlySpan<byte> batchLabels, int count, bool training = true)
    {
        if (count < 1 || count > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"batch must hold 1..{capacity} samples");
        }

        inputs[..(count * network.InputSize)].CopyTo(input);
        batchLabels[..count].CopyTo(labels);
        ComputeGrapesFactors();
        Forward(count, training);
        double loss = OutputError(count);
        int correct = CountCorrect(count);
        Backward(count);
        return (loss, correct);
    }

    /// <summary>
    /// One optimisation step on a batch (see the class summary). <paramref name="epoch"/> and
    /// <paramref name="batch"/> only label a divergence message.
    /// </summary>
    /// <exception cref="TrainingDivergedException">A NaN or infinity appeared.</exception>
    public (double LossSum, int Correct) TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> batchLabels,
        int count, int epoch = 0, int batch = 0)
    {
        var result = ComputeGradients(inputs, batchLabels, count);
        if (!double.IsFinite(result.LossSum))
        {
            throw new TrainingDivergedException("loss", network.Layers[^1].Name, epoch, batch);
        }

        CheckFinite(gradW, gradB, "weight gradient", epoch, batch);
        optimizer.BeginStep();
        for (int l = 0; l < layerCount; l++)
        {
            DenseLayer layer = network.Layers[l];
            optimizer.Update(weightSlots[l], layer.Weights, gradW[l]);
            if (layer.Bias is not null)
            {
                optimizer.Update(biasSlots[l], layer.Bias, gradB[l]);
            }
        }

        CheckFinite(weightArrays, [], "weights", epoch, batch);
        return result;
    }

    /// <summary>
    /// One epoch over <paramref name="train"/> in an order shuffled by the seeded stream, at the learning rate
    /// the schedule gives for <paramref name="epoch"/> (0-based). Reports progress after each batch.
    /// Returns the mean training loss and the running training accuracy (with dropout, as trained).
    /// </summary>
    public (double Loss, double Accuracy) TrainEpoch(DataSet train, int epoch,
        Action<int, int>? progress = null)
    {
        CheckData(train);
        if (order.Length != train.Count)
        {
            order = new int[train.Count];
        }

        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        shuffleRandom.Shuffle(order);
        optimizer.SetEpoch(epoch);
        int features = train.Features, batches = (train.Count + capacity - 1) / capacity;
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++)
        {
            int start = b * capacity, count = Math.Min(capacity, train.Count - start);
            for (int i = 0; i < count; i++)
            {
                int s = order[start + i];
                train.Inputs.AsSpan(s * features, features).CopyTo(gather.AsSpan(i * features));
                gatherLabels[i] = train.Labels[s];
            }

            var (loss, ok) = TrainBatch(gather, gatherLabels, count, epoch, b);
            lossSum += loss;
            correct += ok;
            progress?.Invoke(b + 1, batches);
        }

        return (lossSum / train.Count, (double)correct / train.Count);
    }

    /// <summary>Mean loss and accuracy on <paramref name="data"/>, without dropout and without learning.</summary>
    public (double Loss, double Accuracy) Evaluate(DataSet data, int[]? predictions = null)
    {
        CheckData(data);
        double lossSum = 0;
        long correct = 0;
        int features = data.Features;
        for (int start = 0; start < data.Count; start += capacity)
        {
            int count = Math.Min(capacity, data.Count - start);
            data.Inputs.AsSpan(start * features, count * features).CopyTo(input);
            data.Labels.AsSpan(start, count).CopyTo(labels);
            Forward(count, training: false);
            lossSum += OutputError(count);
            correct += CountCorrect(count);
            if (predictions is not null)
            {
                float[] output = post[layerCount - 1];
                int classes = network.OutputSize;
                for (int i = 0; i < count; i++)
                {
                    predictions[start + i] = LossFunctions.ArgMax(output.AsSpan(i * classes, classes));
                }
            }
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private void CheckData(DataSet data)
    {
        if (data.Features != network.InputSize)
        {
            throw new ArgumentException($"data set {data.Name} has {data.Features} features per sample, the " +
                $"network's input takes {network.InputSize}");
        }

        if (data.Classes > network.OutputSize)
        {
            throw new ArgumentException($"data set {data.Name} has {data.Classes} classes, the readout has " +
                $"{network.OutputSize} nodes");
        }
    }

    private void AllocateLayers()
    {
        for (int l = 0; l < layerCount; l++)
        {
            DenseLayer layer = network.Layers[l];
            bool hidden = l < layerCount - 1;
            int n = layer.Outputs;
            pre[l] = new float[capacity * n];
            post[l] = new float[capacity * n];
            delta[l] = new float[capacity * n];
            bool dropout = hidden && options.Dropout > 0f;
            masks[l] = dropout ? new float[capacity * n] : [];
            passOn[l] = dropout ? new float[capacity * n] : post[l];
            gradW[l] = new float[layer.Weights.Length];
            gradB[l] = layer.Bias is null ? [] : new float[n];
            factors[l] = hidden ? new float[n] : [];
            presynaptic[l] = new float[layer.Inputs];
            weightSlots[l] = optimizer.Register(layer.Weights.Length);
            biasSlots[l] = layer.Bias is null ? -1 : optimizer.Register(n);
        }
    }

    // Step 1: factors from the pre-update weights, once per mini-batch.
    private void ComputeGrapesFactors()
    {
        if (!options.Grapes.Enabled)
        {
            return;
        }

        for (int l = 0; l < layerCount; l++)
        {
            DenseLayer layer = network.Layers[l];
            if (options.Signal == LearningSignal.DirectFeedbackAlignment)
            {
                GrapesFactors.Presynaptic(layer.Weights, layer.Outputs, layer.Inputs, presynaptic[l]);
            }
            else if (l < layerCount - 1)
            {
                bool clip = options.Signal == LearningSignal.Backprop;
                GrapesFactors.Importance(layer.Weights, layer.Outputs, layer.Inputs, factors[l], clip);
            }
        }
    }

    // Step 2: a = x·Wᵀ + b, h = f(a), inverted dropout on hidden layers while training.
    private void Forward(int count, bool training)
    {
        ReadOnlySpan<float> x = input.AsSpan(0, count * network.InputSize);
        for (int l = 0; l < layerCount; l++)
        {
            DenseLayer layer = network.Layers[l];
            int n = layer.Outputs, m = layer.Inputs;
            Span<float> a = pre[l].AsSpan(0, count * n);
            Span<float> h = post[l].AsSpan(0, count * n);
            Gemm.Sgemm(false, true, count, n, m, 1f, x, m, layer.Weights, m, 0f, a, n);
            if (layer.Bias is not null)
            {
                for (int i = 0; i < count; i++)
                {
                    TensorPrimitives.Add(a.Slice(i * n, n), layer.Bias, a.Slice(i * n, n));
                }
            }

            ActivationFunctions.Apply(layer.Activation, a, h);
            if (masks[l].Length > 0)
            {
                Span<float> mask = masks[l].AsSpan(0, count * n);
                Span<float> dropped = passOn[l].AsSpan(0, count * n);
                if (training)
                {
                    FillDropoutMask(mask);
                    TensorPrimitives.Multiply(h, mask, dropped);
                }
                else
                {
                    h.CopyTo(dropped);
                }
            }

            x = passOn[l].AsSpan(0, count * n);
        }
    }

    private void FillDropoutMask(Span<float> mask)
    {
        float p = options.Dropout, keep = 1f / (1f - p);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = dropoutRandom.NextSingle() < p ? 0f : keep;
        }
    }

    // Step 3: the loss of the batch and δ[L].
    private double OutputError(int count)
    {
        int last = layerCount - 1, classes = network.OutputSize;
        ReadOnlySpan<byte> y = labels.AsSpan(0, count);
        Span<float> d = delta[last].AsSpan(0, count * classes);
        return options.Loss switch
        {
            LossKind.SoftmaxCrossEntropy => LossFunctions.SoftmaxCrossEntropy(pre[last].AsSpan(0, count * classes), y,
                classes, d),
            LossKind.MeanSquaredError => LossFunctions.MeanSquaredError(pre[last].AsSpan(0, count * classes),
                post[last].AsSpan(0, count * classes), y, classes, network.Layers[last].Activation, d),
            _ => throw new InvalidOperationException($"unknown loss {options.Loss}"),
        };
    }

    private int CountCorrect(int count)
    {
        int classes = network.OutputSize, correct = 0;
        float[] output = post[layerCount - 1];
        for (int i = 0; i < count; i++)
        {
            if (LossFunctions.ArgMax(output.AsSpan(i * classes, classes)) == labels[i])
            {
                correct++;
            }
        }

        return correct;
    }

    // Steps 4 and 5: errors top down, then each layer's gradient from its error and its input.
    private void Backward(int count)
    {
        int last = layerCount - 1;
        for (int l = last; l >= 0; l--)
        {
            DenseLayer layer = network.Layers[l];
            int n = layer.Outputs, m = layer.Inputs;
            Span<float> d = delta[l].AsSpan(0, count * n);
            if (l < last)
            {
                HiddenError(l, count, d);
            }

            ReadOnlySpan<float> x = l == 0 ? input.AsSpan(0, count * m) : passOn[l - 1].AsSpan(0, count * m);
            bool localGrapes = options.Grapes.Enabled && options.Grapes.Version == GrapesVersion.Local &&
                options.Signal != LearningSignal.DirectFeedbackAlignment && l < last;
            bool dfaGrapes = options.Grapes.Enabled && options.Signal == LearningSignal.DirectFeedbackAlignment &&
                l >= 1 && l < last;

            // Local GRAPES scales the gradient's rows, never the δ sent down; DFA + GRAPES scales rows by P[l+1].
            float[]? rowScale = localGrapes ? factors[l] : dfaGrapes ? PostsynapticDfaFactor(l) : null;
            LayerGradient(l, count, d, x, rowScale, dfaGrapes ? presynaptic[l] : null);
        }
    }

    // δ[l] for a hidden layer: upstream error through W (BP), B (FA) or D (DFA), dropout mask, f'(a), GRAPES.
    private void HiddenError(int l, int count, Span<float> d)
    {
        DenseLayer layer = network.Layers[l];
        int n = layer.Outputs, last = layerCount - 1;
        switch (options.Signal)
        {
            case LearningSignal.Backprop:
            case LearningSignal.FeedbackAlignment:
                {
                    DenseLayer above = network.Layers[l + 1];
                    float[] back = options.Signal == LearningSignal.Backprop ? above.Weights : feedback[l + 1]!;
                    Gemm.Sgemm(false, false, count, n, above.Outputs, 1f, delta[l + 1].AsSpan(0, count * above.Outputs),
                        above.Outputs, back, n, 0f, d, n);
                    break;
                }

            case LearningSignal.DirectFeedbackAlignment:
                {
                    int classes = network.OutputSize;
                    Gemm.Sgemm(false, false, count, n, classes, 1f, delta[last].AsSpan(0, count * classes), classes,
                        feedback[l]!, n, 0f, d, n);
                    break;
                }
        }

        if (masks[l].Length > 0)
        {
            TensorPrimitives.Multiply(d, masks[l].AsSpan(0, count * n), d);
        }

        ActivationFunctions.MultiplyByDerivative(layer.Activation, pre[l].AsSpan(0, count * n),
            post[l].AsSpan(0, count * n), d);
        if (options.Grapes.Enabled && options.Grapes.Version == GrapesVersion.Propagating &&
            options.Signal != LearningSignal.DirectFeedbackAlignment)
        {
            for (int i = 0; i < count; i++)
            {
                TensorPrimitives.Multiply(d.Slice(i * n, n), factors[l], d.Slice(i * n, n));
            }
        }
    }

    // DFA + GRAPES: P[l+1][n], the outgoing strength of this layer's nodes; 1 when the layer above is the output.
    private float[]? PostsynapticDfaFactor(int l) => l + 1 == layerCount - 1 ? null : presynaptic[l + 1];

    // G = δᵀ·x / count, rows scaled by rowScale[n], columns by columnScale[m]; g_b = Σ_i δ_i / count.
    private void LayerGradient(int l, int count, ReadOnlySpan<float> d, ReadOnlySpan<float> x, float[]? rowScale,
        float[]? columnScale)
    {
        DenseLayer layer = network.Layers[l];
        int n = layer.Outputs, m = layer.Inputs;
        float[] g = gradW[l];
        float inv = 1f / count;
        Gemm.Sgemm(true, false, n, m, count, inv, d, n, x, m, 0f, g, m);
        if (rowScale is not null)
        {
            for (int r = 0; r < n; r++)
            {
                TensorPrimitives.Multiply(g.AsSpan(r * m, m), rowScale[r], g.AsSpan(r * m, m));
            }
        }

        if (columnScale is not null)
        {
            for (int r = 0; r < n; r++)
            {
                TensorPrimitives.Multiply(g.AsSpan(r * m, m), columnScale, g.AsSpan(r * m, m));
            }
        }

        if (layer.Bias is not null)
        {
            Span<float> gb = gradB[l];
            gb.Clear();
            for (int i = 0; i < count; i++)
            {
                TensorPrimitives.Add(gb, d.Slice(i * n, n), gb);
            }

            TensorPrimitives.Multiply(gb, inv, gb);
            if (rowScale is not null)
            {
                TensorPrimitives.Multiply(gb, rowScale, gb);
            }
        }
    }

    private void CheckFinite(float[][] first, float[][] second, string what, int epoch, int batch)
    {
        for (int l = 0; l < layerCount; l++)
        {
            if (!float.IsFinite(TensorPrimitives.Sum(first[l])) ||
                (second.Length > 0 && !float.IsFinite(TensorPrimitives.Sum(second[l]))))
            {
                throw new TrainingDivergedException(what, network.Layers[l].Name, epoch, batch);
            }
        }
    }
}
