using System.Numerics.Tensors;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Learning.Bptt;

/// <summary>
/// Surrogate-gradient backpropagation through time for a <see cref="SpikingNetwork"/>: encodes a mini-batch
/// into spikes, runs it forward, computes the readout loss and writes the exact gradient of the (surrogate)
/// loss into every layer's gradient arrays.
/// </summary>
/// <remarks>
/// Algorithm, per mini-batch:
/// <list type="number">
/// <item>The batch is cut into fixed chunks of <see cref="BpttOptions.ChunkSize"/> samples; chunks run in
/// parallel, each with its own scratch and gradient accumulators.</item>
/// <item>Per sample: encode (counter-based random stream keyed by the sample key; straight into the first layer's
/// <see cref="SpikeList"/> when the encoder is an <see cref="ISparseSpikeEncoder"/>), forward through every
/// layer over T steps, readout loss, then the layers in reverse, each reversed over time
/// (<see cref="SpikingLayer"/>). Before a hidden layer is reversed, the gradient arriving at its output
/// spikes from the layer above is multiplied at every step by the layer's GRAPES factor F (propagating
/// version of docs/grapes.md: the modulated error also flows further down).</item>
/// <item>Chunk gradients are summed in chunk order into the layers' gradient arrays, so the result is the
/// same for any thread count.</item>
/// </list>
/// Nothing is allocated per sample or per time step; the workspace is sized once for the largest batch.
/// </remarks>
public sealed class BpttEngine
{
    private readonly SpikingNetwork _network;
    private readonly ISpikeEncoder _encoder;
    private readonly ISparseSpikeEncoder? _sparseEncoder;
    private readonly Chunk[] _chunks;

    /// <summary>Creates the engine and its workspace for batches of up to <paramref name="maxBatch"/>
    /// samples.</summary>
    public BpttEngine(SpikingNetwork network, ISpikeEncoder encoder, BpttOptions options, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        if (encoder.Steps != options.Steps)
        {
            throw new ArgumentException($"encoder has {encoder.Steps} steps but BPTT runs {options.Steps}",
                nameof(encoder));
        }

        _network = network;
        _encoder = encoder;
        _sparseEncoder = encoder as ISparseSpikeEncoder;
        Options = options;
        MaxBatch = maxBatch;
        _chunks = new Chunk[(maxBatch + options.ChunkSize - 1) / options.ChunkSize];
        for (int c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = new Chunk(network, options.Steps);
        }
    }

    /// <summary>The options.</summary>
    public BpttOptions Options { get; }

    /// <summary>Largest batch the workspace holds.</summary>
    public int MaxBatch { get; }

    /// <summary>
    /// Computes loss, accuracy and gradients of one mini-batch; the layers' gradient arrays are overwritten
    /// with dL/dθ of the batch-mean loss. Call <see cref="SpikingNetwork.PrepareBatch"/> after each weight update.
    /// </summary>
    /// <param name="inputs">Intensities, count × input size, sample-major.</param>
    /// <param name="labels">Class of each sample.</param>
    /// <param name="keys">Random-stream key of each sample's encoding (for example from epoch and index).</param>
    /// <param name="count">Samples in the batch (≤ <see cref="MaxBatch"/>).</param>
    /// <param name="factors">Per layer, the GRAPES factor F [n] of hidden layers, or null (no modulation).</param>
    public BatchResult ComputeGradients(float[] inputs, int[] labels, ulong[] keys, int count,
        IReadOnlyList<float[]?>? factors = null)
    {
        CheckBatch(inputs, keys, count);
        int chunks = ChunkCount(count);
        Run(chunks, c => _chunks[c].Train(this, inputs, labels, keys, count, c, factors));
        ReduceGradients(chunks);

        double loss = 0;
        int correct = 0;
        for (int c = 0; c < chunks; c++)
        {
            loss += _chunks[c].Loss;
            correct += _chunks[c].Correct;
        }

        return new BatchResult(loss / count, correct, count);
    }

    /// <summary>
    /// Forward only: the decoded class of each sample into <paramref name="predictions"/>; with
    /// <paramref name="labels"/>, also returns the mean loss (0 without labels).
    /// </summary>
    public double Predict(float[] inputs, ulong[] keys, int count, int[] predictions, int[]? labels = null)
    {
        CheckBatch(inputs, keys, count);
        int chunks = ChunkCount(count);
        Run(chunks, c => _chunks[c].Predict(this, inputs, keys, count, c, predictions, labels));
        double loss = 0;
        for (int c = 0; c < chunks; c++)
        {
            loss += _chunks[c].Loss;
        }

        return labels is null ? 0 : loss / count;
    }

    /// <summary>
    /// Forward pass of one sample, returning the input raster and each layer's outputs and membranes
    /// ([T, n] time-major each), for rasters and inspection.
    /// </summary>
    public SpikeTrace Trace(ReadOnlySpan<float> input, ulong key)
    {
        int steps = Options.Steps;
        var x = new float[steps * _network.InputSize];
        _encoder.Encode(input, x, key);
        var outputs = new List<float[]>();
        var membranes = new List<float[]>();
        float[] current = x;
        foreach (var layer in _network.Layers)
        {
            var v = new float[steps * layer.Size];
            var y = new float[steps * layer.Size];
            layer.Forward(current, v, y, steps);
            outputs.Add(y);
            membranes.Add(v);
            current = y;
        }

        return new SpikeTrace(steps, x, outputs, membranes);
    }

    private int ChunkCount(int count) => (count + Options.ChunkSize - 1) / Options.ChunkSize;

    private void CheckBatch(float[] inputs, ulong[] keys, int count)
    {
        if (count < 1 || count > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(count),
                $"batch size must be in [1, {MaxBatch}] (got {count})");
        }

        if (inputs.Length < count * _network.InputSize || keys.Length < count)
        {
            throw new ArgumentException($"inputs must hold {count} × {_network.InputSize} values and {count} keys");
        }
    }

    private void Run(int chunks, Action<int> body)
    {
        if (Options.Threads == 1 || chunks == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                body(c);
            }

            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads }, body);
    }

    private void ReduceGradients(int chunks)
    {
        var layers = _network.Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            var first = _chunks[0].Gradients[l];
            for (int c = 1; c < chunks; c++)
            {
                var other = _chunks[c].Gradients[l];
                other.AddWeightRowsTo(first);
                AddIfPresent(first.Bias, other.Bias);
                AddIfPresent(first.RecurrentTransposed, other.RecurrentTransposed);
                AddIfPresent(first.Threshold, other.Threshold);
            }

            var layer = layers[l];
            Transposition.Transpose(first.WeightsTransposed, layer.InputSize, layer.Size, first.Stride,
                layer.WeightGradient, layer.InputSize);
            first.Bias?.CopyTo(layer.BiasGradient!, 0);
            first.Threshold?.CopyTo(layer.ThresholdGradient!, 0);
            if (first.RecurrentTransposed is not null)
            {
                Transposition.Transpose(first.RecurrentTransposed, layer.Size, layer.Size, layer.Size,
                    layer.RecurrentGradient!, layer.Size);
            }
        }
    }

    private static void AddIfPresent(float[]? sum, float[]? part)
    {
        if (sum is not null && part is not null)
        {
            TensorPrimitives.Add(sum, part, sum);
        }
    }

    /// <summary>One chunk's scratch: the sample's rasters per layer, each layer input's spike list, loss
    /// gradients and gradient accumulators.</summary>
    private sealed class Chunk
    {
        private readonly float[] _input;
        private readonly SpikeList[] _lists;
        private readonly float[][] _v, _y, _gy;
        private readonly float[] _gv;
        private readonly double[] _lossScratch;

        public Chunk(SpikingNetwork network, int steps)
        {
            var layers = network.Layers;
            _input = new float[steps * network.InputSize];
            _lists = layers.Select(l => new SpikeList(steps, l.InputSize)).ToArray();
            _v = layers.Select(l => new float[steps * l.Size]).ToArray();
            _y = layers.Select(l => new float[steps * l.Size]).ToArray();
            _gy = layers.Select(l => new float[steps * l.Size]).ToArray();
            _gv = new float[steps * network.OutputSize];
            _lossScratch = new double[network.OutputSize];
            Gradients = layers.Select(l => new LayerGradients(l, steps)).ToArray();
        }

        public LayerGradients[] Gradients { get; }

        public double Loss { get; private set; }

        public int Correct { get; private set; }

        public void Train(BpttEngine engine, float[] inputs, int[] labels, ulong[] keys, int count, int chunk,
            IReadOnlyList<float[]?>? factors)
        {
            var opt = engine.Options;
            var layers = engine._network.Layers;
            int steps = opt.Steps, classes = engine._network.OutputSize, last = layers.Count - 1;
            bool membrane = ReadoutLoss.UsesMembrane(opt.Loss);
            var decoder = ReadoutLoss.DecoderFor(opt.Loss);
            foreach (var g in Gradients)
            {
                g.Clear();
            }

            Loss = 0;
            Correct = 0;
            int start = chunk * opt.ChunkSize, end = Math.Min(count, start + opt.ChunkSize);
            for (int b = start; b < end; b++)
            {
                Forward(engine, inputs, keys, b);
                Loss += ReadoutLoss.Compute(opt.Loss, _y[last], _v[last], steps, classes, labels[b], 1f / count,
                    opt.TargetOn, opt.TargetOff, _gy[last], _gv, _lossScratch);
                if (decoder.Decode(_y[last], _v[last], steps, classes) == labels[b])
                {
                    Correct++;
                }

                for (int l = last; l >= 0; l--)
                {
                    Span<float> gx = l == 0 ? default : _gy[l - 1];
                    ReadOnlySpan<float> gv = l == last && membrane ? _gv : default;
                    layers[l].Backward(_lists[l], _v[l], _y[l], _gy[l], gv, Gradients[l], gx, steps, opt.Truncation);
                    if (l > 0 && factors is not null && factors[l - 1] is { } f)
                    {
                        Modulate(_gy[l - 1], f, steps);
                    }
                }
            }
        }

        public void Predict(BpttEngine engine, float[] inputs, ulong[] keys, int count, int chunk, int[] predictions,
            int[]? labels)
        {
            var opt = engine.Options;
            int last = engine._network.Layers.Count - 1, classes = engine._network.OutputSize;
            var decoder = ReadoutLoss.DecoderFor(opt.Loss);
            int start = chunk * opt.ChunkSize, end = Math.Min(count, start + opt.ChunkSize);
            Loss = 0;
            for (int b = start; b < end; b++)
            {
                Forward(engine, inputs, keys, b);
                predictions[b] = decoder.Decode(_y[last], _v[last], opt.Steps, classes);
                if (labels is not null)
                {
                    Loss += ReadoutLoss.Compute(opt.Loss, _y[last], _v[last], opt.Steps, classes, labels[b], 1f,
                        opt.TargetOn, opt.TargetOff, _gy[last], _gv, _lossScratch);
                }
            }
        }

        private void Forward(BpttEngine engine, float[] inputs, ulong[] keys, int b)
        {
            var layers = engine._network.Layers;
            int m = engine._network.InputSize, steps = engine.Options.Steps;
            if (engine._sparseEncoder is { } sparse)
            {
                _lists[0].Encode(sparse, inputs.AsSpan(b * m, m), keys[b]);
            }
            else
            {
                engine._encoder.Encode(inputs.AsSpan(b * m, m), _input, keys[b]);
                _lists[0].Build(_input);
            }

            for (int l = 0; l < layers.Count; l++)
            {
                if (l > 0)
                {
                    _lists[l].Build(_y[l - 1]);
                }

                layers[l].Forward(_lists[l], _v[l], _y[l], steps);
            }
        }

        private static void Modulate(float[] gy, float[] factor, int steps)
        {
            int n = factor.Length;
            for (int t = 0; t < steps; t++)
            {
                Span<float> row = gy.AsSpan(t * n, n);
                TensorPrimitives.Multiply(row, factor, row);
            }
        }
    }
}
