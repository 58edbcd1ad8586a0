using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Optimizers;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Learning.Bptt;

/// <summary>
/// Mini-batch training of a <see cref="SpikingNetwork"/> by surrogate-gradient BPTT. One step
/// (<see cref="TrainBatch"/>):
/// <list type="number">
/// <item>GRAPES factors F[l] = clip(2·S/max S, 1, 2) of every hidden layer from its feed-forward weights as they
/// are before the update (docs/grapes.md, "Spiking networks"), when enabled.</item>
/// <item>Gradients of the batch (<see cref="BpttEngine"/>), F multiplying at every step the gradient that
/// reaches each hidden layer's output spikes from above.</item>
/// <item>One optimiser step on every weight, bias, recurrent and threshold array; a NaN/∞ check.</item>
/// </list>
/// The encoding key of training sample i in epoch e is (e + 1)·2³² + i, so each epoch sees fresh Poisson
/// noise; evaluation uses key i alone, so a test accuracy does not depend on how many epochs ran before it.
/// </summary>
public sealed class SpikingTrainer : IEpochTrainer
{
    private readonly SpikingNetwork _network;
    private readonly SpikingTrainingOptions _options;
    private readonly BpttEngine _engine;
    private readonly Optimizer _optimizer;
    private readonly TrainingRandom _shuffle;
    private readonly List<(int Slot, float[] Parameters, float[] Gradient, string Name)> _slots = [];
    private readonly float[]?[] _factors;
    private readonly float[] _inputs;
    private readonly int[] _labels;
    private readonly ulong[] _keys;
    private readonly int[] _predictions;
    private int[] _order = [];

    /// <summary>Prepares the engine, optimiser slots and buffers.</summary>
    public SpikingTrainer(SpikingNetwork network, ISpikeEncoder encoder, SpikingTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Grapes.Enabled && options.Grapes.Version != GrapesVersion.Propagating)
        {
            throw new NotSupportedException(
                "GRAPES for spiking layers is implemented in its propagating version only (got local)");
        }

        _network = network;
        _options = options;
        _engine = new BpttEngine(network, encoder, options.Bptt, options.BatchSize);
        _optimizer = new Optimizer(options.Optimizer);
        _shuffle = new TrainingRandom(options.Seed);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            Add(layer.Weights, layer.WeightGradient, $"{l}.weights");
            Add(layer.Bias, layer.BiasGradient, $"{l}.bias");
            Add(layer.RecurrentWeights, layer.RecurrentGradient, $"{l}.recurrent");
            Add(layer.ThresholdGradient is null ? null : layer.Threshold, layer.ThresholdGradient, $"{l}.threshold");
        }

        _factors = network.Layers.Select((layer, l) =>
            options.Grapes.Enabled && l < network.Layers.Count - 1 ? new float[layer.Size] : null).ToArray();
        _inputs = new float[options.BatchSize * network.InputSize];
        _labels = new int[options.BatchSize];
        _keys = new ulong[options.BatchSize];
        _predictions = new int[options.BatchSize];
        network.PrepareBatch();
    }

    /// <summary>The network being trained.</summary>
    public SpikingNetwork Network => _network;

    /// <summary>The BPTT engine (for traces of single samples).</summary>
    public BpttEngine Engine => _engine;

    /// <summary>The random stream that shuffles each epoch's order (its state goes into checkpoints).</summary>
    public TrainingRandom ShuffleRandom => _shuffle;

    /// <summary>The optimiser (for checkpoints and the current learning rate).</summary>
    public Optimizer Optimizer => _optimizer;

    /// <summary>The GRAPES factors used by the last batch for each hidden layer (null when GRAPES is off).</summary>
    public IReadOnlyList<float[]?> Factors => _factors;

    /// <summary>The key of training sample <paramref name="index"/> in epoch <paramref name="epoch"/>
    /// (0-based).</summary>
    public static ulong TrainKey(int epoch, int index) => ((ulong)(epoch + 1) << 32) | (uint)index;

    /// <summary>One optimiser step on a batch already gathered into the trainer's buffers.</summary>
    public BatchResult TrainBatch(float[] inputs, int[] labels, ulong[] keys, int count, int epoch, int batch)
    {
        ComputeFactors();
        var result = _engine.ComputeGradients(inputs, labels, keys, count, _options.Grapes.Enabled ? _factors : null);
        if (!double.IsFinite(result.Loss))
        {
            throw new TrainingDivergedException("loss", "readout", epoch, batch);
        }

        _optimizer.BeginStep();
        foreach (var (slot, parameters, gradient, name) in _slots)
        {
            _optimizer.Update(slot, parameters, gradient);
            if (!float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<float>(parameters)))
            {
                throw new TrainingDivergedException("weights", name, epoch, batch);
            }
        }

        _network.PrepareBatch();
        return result;
    }

    /// <summary>
    /// One epoch over <paramref name="train"/> in a seeded shuffled order at the schedule's learning rate for
    /// <paramref name="epoch"/> (0-based); reports (batches done, batches) after each batch. Returns the mean
    /// training loss and the training accuracy as trained (fresh noise, weights changing during the epoch).
    /// </summary>
    public (double Loss, double Accuracy) TrainEpoch(DataSet train, int epoch, Action<int, int>? progress = null)
    {
        CheckData(train);
        if (_order.Length != train.Count)
        {
            _order = new int[train.Count];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _shuffle.Shuffle(_order);
        _optimizer.SetEpoch(epoch);
        int features = train.Features, size = _options.BatchSize;
        int batches = (train.Count + size - 1) / size;
        double loss = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++)
        {
            int start = b * size, count = Math.Min(size, train.Count - start);
            for (int i = 0; i < count; i++)
            {
                int s = _order[start + i];
                train.Sample(s).CopyTo(_inputs.AsSpan(i * features, features));
                _labels[i] = train.Labels[s];
                _keys[i] = TrainKey(epoch, s);
            }

            var r = TrainBatch(_inputs, _labels, _keys, count, epoch, b);
            loss += r.Loss * count;
            correct += r.Correct;
            progress?.Invoke(b + 1, batches);
        }

        return (loss / train.Count, (double)correct / train.Count);
    }

    /// <summary>Mean loss and accuracy on <paramref name="data"/> (forward only); predictions written when
    /// given.</summary>
    public (double Loss, double Accuracy) Evaluate(DataSet data, int[]? predictions = null)
    {
        CheckData(data);
        int features = data.Features, size = _options.BatchSize;
        long correct = 0;
        double loss = 0;
        for (int start = 0; start < data.Count; start += size)
        {
            int count = Math.Min(size, data.Count - start);
            data.Inputs.AsSpan(start * features, count * features).CopyTo(_inputs);
            for (int i = 0; i < count; i++)
            {
                _keys[i] = (ulong)(start + i);
                _labels[i] = data.Labels[start + i];
            }

            loss += _engine.Predict(_inputs, _keys, count, _predictions, _labels) * count;
            for (int i = 0; i < count; i++)
            {
                correct += _predictions[i] == data.Labels[start + i] ? 1 : 0;
                if (predictions is not null)
                {
                    predictions[start + i] = _predictions[i];
                }
            }
        }

        return (loss / data.Count, (double)correct / data.Count);
    }

    private void ComputeFactors()
    {
        for (int l = 0; l < _factors.Length; l++)
        {
            if (_factors[l] is { } f)
            {
                var layer = _network.Layers[l];
                GrapesFactors.Importance(layer.Weights, layer.Size, layer.InputSize, f, clip: true);
            }
        }
    }

    private void Add(float[]? parameters, float[]? gradient, string name)
    {
        if (parameters is not null && gradient is not null)
        {
            _slots.Add((_optimizer.Register(parameters.Length), parameters, gradient, name));
        }
    }

    private void CheckData(DataSet data)
    {
        if (data.Features != _network.InputSize)
        {
            throw new ArgumentException($"data set {data.Name} has {data.Features} features per sample, the " +
                $"network's input takes {_network.InputSize}");
        }

        if (data.Classes > _network.OutputSize)
        {
            throw new ArgumentException($"data set {data.Name} has {data.Classes} classes, the readout has " +
                $"{_network.OutputSize} neurons");
        }
    }
}
