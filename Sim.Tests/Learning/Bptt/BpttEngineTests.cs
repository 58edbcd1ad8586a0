using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Tests.Learning.Bptt;

// Allocation checks and comparisons across thread counts go through Gemm, whose thread count is process-wide
// (Gemm.SetThreads, set by other classes): run in the same collection, not alongside them.
[Collection(ProcessStateCollection.Name)]
public class BpttEngineTests
{
    private static SpikingNetwork MakeNetwork(int seed, bool recurrent, int inputs = 20, int hidden = 12,
        int classes = 3)
    {
        var rng = new Random(seed);
        float[] Rand(int n, double scale) =>
            Enumerable.Range(0, n).Select(_ => (float)(scale * (2 * rng.NextDouble() - 1))).ToArray();
        var surrogate = new FastSigmoidSurrogate(5f);
        var l1 = new SpikingLayerOptions(inputs, hidden, SpikingNeuronModel.Lif, 0.9f, 1f, ResetMode.Subtract,
            recurrent, TrainThreshold: true, surrogate);
        var l2 = new SpikingLayerOptions(hidden, classes, SpikingNeuronModel.Lif, 0.9f, 1f, ResetMode.Subtract,
            false, false, surrogate);
        var network = new SpikingNetwork([
            new SpikingLayer(l1, Rand(hidden * inputs, 1.0), Rand(hidden, 0.2),
                recurrent ? Rand(hidden * hidden, 0.3) : null),
            new SpikingLayer(l2, Rand(classes * hidden, 1.0)),
        ]);
        network.PrepareBatch();
        return network;
    }

    private static (float[] Inputs, int[] Labels, ulong[] Keys) MakeBatch(int count, int inputs, int classes)
    {
        var rng = new Random(77);
        var x = Enumerable.Range(0, count * inputs).Select(_ => (float)rng.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i % classes).ToArray();
        var keys = Enumerable.Range(0, count).Select(i => (ulong)(1000 + i)).ToArray();
        return (x, labels, keys);
    }

    private static float[][] Gradients(SpikingNetwork network) => network.Layers
        .SelectMany(l => new[] { l.WeightGradient, l.BiasGradient, l.RecurrentGradient, l.ThresholdGradient })
        .Where(g => g is not null).Select(g => (float[])g!.Clone()).ToArray();

    [Fact]
    public void ComputeGradients_OneVersusFourThreads_BitwiseEqual()
    {
        var (x, labels, keys) = MakeBatch(37, 20, 3);
        float[][] Run(int threads)
        {
            var network = MakeNetwork(5, recurrent: true);
            var engine = new BpttEngine(network, new PoissonEncoder(15, 1000, 1, 9),
                new BpttOptions(15, Threads: threads, ChunkSize: 8), 64);
            var r = engine.ComputeGradients(x, labels, keys, 37);
            return [.. Gradients(network), [(float)r.Loss, r.Correct]];
        }

        var one = Run(1);
        var four = Run(4);
        Assert.Equal(one.Length, four.Length);
        for (int i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], four[i]);
        }

        Assert.Contains(one[0], g => g != 0f);
    }

    [Fact]
    public void ComputeGradients_AfterBatchTouchingOtherInputs_SameBitsAsFreshEngine()
    {
        // Accumulators are cleared and reduced only on the rows (inputs) that spiked: a batch in which inputs 0-9
        // are silent, run after one in which they spike, must not see the earlier batch's rows.
        var (x, labels, keys) = MakeBatch(37, 20, 3);
        var silent = (float[])x.Clone();
        for (int b = 0; b < 37; b++)
        {
            Array.Clear(silent, b * 20, 10);
        }

        float[][] Run(bool warm)
        {
            var network = MakeNetwork(5, recurrent: false);
            var engine = new BpttEngine(network, new PoissonEncoder(15, 1000, 1, 9),
                new BpttOptions(15, Threads: 2, ChunkSize: 8), 64);
            if (warm)
            {
                engine.ComputeGradients(x, labels, keys, 37);
            }

            var r = engine.ComputeGradients(silent, labels, keys, 37);
            return [.. Gradients(network), [(float)r.Loss, r.Correct]];
        }

        var fresh = Run(false);
        var warm = Run(true);
        Assert.Equal(0f, fresh[0][3 * 20 + 5]);
        for (int i = 0; i < fresh.Length; i++)
        {
            Assert.Equal(fresh[i], warm[i]);
        }
    }

    [Fact]
    public void ComputeGradients_GrapesFactorPerHiddenNeuron_ScalesThatNeuronsWeightRowExactly()
    {
        // Feed-forward hidden layer: neuron k's input-current gradient depends only on the gradient reaching its
        // own output, so multiplying that gradient by F[k] at every step multiplies row k of dL/dW1 (and dL/db1)
        // by F[k]. Powers of two make the comparison exact in float. The readout's gradient is unchanged.
        var (x, labels, keys) = MakeBatch(16, 20, 3);
        var factor = Enumerable.Range(0, 12).Select(k => k % 3 == 0 ? 2f : k % 3 == 1 ? 1f : 0.5f).ToArray();
        var plain = MakeNetwork(8, recurrent: false);
        var modulated = MakeNetwork(8, recurrent: false);
        var options = new BpttOptions(15, ChunkSize: 4);
        new BpttEngine(plain, new PoissonEncoder(15, 1000, 1, 2), options, 16).ComputeGradients(x, labels, keys, 16);
        new BpttEngine(modulated, new PoissonEncoder(15, 1000, 1, 2), options, 16)
            .ComputeGradients(x, labels, keys, 16, [factor, null]);

        for (int k = 0; k < 12; k++)
        {
            for (int j = 0; j < 20; j++)
            {
                Assert.Equal(plain.Layers[0].WeightGradient[k * 20 + j] * factor[k],
                    modulated.Layers[0].WeightGradient[k * 20 + j]);
            }

            Assert.Equal(plain.Layers[0].BiasGradient![k] * factor[k], modulated.Layers[0].BiasGradient![k]);
        }

        Assert.Equal(plain.Layers[1].WeightGradient, modulated.Layers[1].WeightGradient);
        Assert.Contains(plain.Layers[0].WeightGradient, g => g != 0f);
    }

    [Fact]
    public void ComputeGradients_TruncationWindowAtLeastT_EqualsFullBptt()
    {
        var (x, labels, keys) = MakeBatch(8, 20, 3);
        float[][] Run(int window)
        {
            var network = MakeNetwork(3, recurrent: true);
            new BpttEngine(network, new PoissonEncoder(10, 1000, 1, 4), new BpttOptions(10, Truncation: window), 8)
                .ComputeGradients(x, labels, keys, 8);
            return Gradients(network);
        }

        var full = Run(0);
        Assert.Equal(full, Run(10));
        Assert.NotEqual(full, Run(3));
    }

    [Fact]
    public void ComputeGradients_TruncationWindowOne_GivesMemorylessGradient()
    {
        // With K = 1 no gradient crosses a step boundary, so for one feed-forward layer read out by spike-count
        // cross-entropy, dL/dW[k, j] = Σ_t dL/dy_t[k] · σ'(v_t[k] − θ) · x_t[j] with dL/dy_t[k] = p_k − 1[k = c]
        // (batch of one). Computed here from the forward trace; tolerance 1e-5 for float summation order.
        const int steps = 10, inputs = 6, classes = 3;
        var rng = new Random(4);
        var w = Enumerable.Range(0, classes * inputs).Select(_ => (float)(rng.NextDouble() * 1.2 - 0.3)).ToArray();
        var surrogate = new ArctanSurrogate(2f);
        var options = new SpikingLayerOptions(inputs, classes, SpikingNeuronModel.Lif, 0.8f, 1f, ResetMode.Subtract,
            false, false, surrogate);
        var network = new SpikingNetwork([new SpikingLayer(options, w)]);
        network.PrepareBatch();
        var encoder = new PoissonEncoder(steps, 1000, 1, 6);
        var engine = new BpttEngine(network, encoder, new BpttOptions(steps, Truncation: 1), 1);
        float[] input = [0.9f, 0.8f, 0.1f, 0.7f, 0.5f, 0.95f];
        engine.ComputeGradients(input, [2], [42], 1);
        var trace = engine.Trace(input, 42);

        var counts = new double[classes];
        for (int t = 0; t < steps; t++)
        {
            for (int k = 0; k < classes; k++)
            {
                counts[k] += trace.Outputs[0][t * classes + k];
            }
        }

        double norm = counts.Sum(Math.Exp);
        for (int k = 0; k < classes; k++)
        {
            double dy = Math.Exp(counts[k]) / norm - (k == 2 ? 1 : 0);
            for (int j = 0; j < inputs; j++)
            {
                double expected = 0;
                for (int t = 0; t < steps; t++)
                {
                    float sg = surrogate.Derivative(trace.Membranes[0][t * classes + k] - 1f);
                    expected += dy * sg * trace.Input[t * inputs + j];
                }

                Assert.Equal(expected, network.Layers[0].WeightGradient[k * inputs + j], 1e-5);
            }
        }
    }

    [Fact]
    public void Constructor_EncoderStepsDifferFromOptions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new BpttEngine(MakeNetwork(1, false), new PoissonEncoder(5, 1000, 1, 1), new BpttOptions(10), 4));
        Assert.Contains("5 steps", ex.Message);
    }

    [Fact]
    public void ComputeGradients_SingleThread_AllocationDoesNotGrowWithSteps()
    {
        // Nothing is allocated per sample or per time step: the bytes allocated by one batch on one thread are the
        // same for T = 8 and T = 64 (only the per-batch delegate), and small. Measured after a warm-up batch so
        // that JIT and first-call allocations are excluded; the least of three batches is taken, because the
        // runtime itself now and then allocates on the thread (tiering, a suite running in parallel under load).
        long Allocated(int steps)
        {
            var (x, labels, keys) = MakeBatch(16, 20, 3);
            var network = MakeNetwork(2, recurrent: true);
            var engine = new BpttEngine(network, new PoissonEncoder(steps, 1000, 1, 1),
                new BpttOptions(steps, ChunkSize: 4), 16);
            engine.ComputeGradients(x, labels, keys, 16);
            long least = long.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                engine.ComputeGradients(x, labels, keys, 16);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }

        long short8 = Allocated(8), long64 = Allocated(64);
        Assert.Equal(short8, long64);
        Assert.True(long64 < 1024, $"{long64} bytes per batch");
    }
}

