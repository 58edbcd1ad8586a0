using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Initialization;
using NeuroSim.Learning.Optimizers;
using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Bench.Snn;

/// <summary>
/// The benchmark network of the SNN speed comparison: 784-256-10 LIF (β = 0.95, θ = 1, reset by subtraction,
/// fast-sigmoid surrogate slope 25, no bias), Poisson input (r_max · dt = 1), T = 25 steps, spike-count
/// cross-entropy, Adam lr 5e-4, batch 128, on the bundled MNIST sample (real digits, so input sparsity is real).
/// The PyTorch twin is scripts/snn_torch_bench.py.
/// </summary>
public static class SnnBenchmarkSetup
{
    public const int Steps = 25, Hidden = 256, Classes = 10, Batch = 128;

    /// <summary>Builds the trainer with <paramref name="threads"/> BPTT threads.</summary>
    public static SpikingTrainer CreateTrainer(int inputs, int threads, int chunkSize = 16)
    {
        var random = new TrainingRandom(42);
        var surrogate = new FastSigmoidSurrogate(25f);
        SpikingLayer Make(int m, int n)
        {
            var w = new float[n * m];
            WeightInitializer.Fill(WeightInit.UniformFanIn, w, m, n, random);
            return new SpikingLayer(new SpikingLayerOptions(m, n, SpikingNeuronModel.Lif, 0.95f, 1f,
                ResetMode.Subtract, false, false, surrogate), w);
        }

        var network = new SpikingNetwork([Make(inputs, Hidden), Make(Hidden, Classes)]);
        var options = new SpikingTrainingOptions
        {
            BatchSize = Batch,
            Bptt = new BpttOptions(Steps, SpikingLoss.CountCrossEntropy, Threads: threads, ChunkSize: chunkSize),
        };
        return new SpikingTrainer(network, new PoissonEncoder(Steps, 1000, 1, 7), options);
    }

    /// <summary>The first batches of the bundled sample's training set, gathered as the trainer expects.</summary>
    public static (float[] Inputs, int[] Labels, ulong[] Keys, int Features) LoadBatch(int batchIndex)
    {
        var (train, _) = DataSetLocator.Load(DataSetLocator.MnistSample);
        int f = train.Features, start = batchIndex * Batch % (train.Count - Batch);
        var inputs = train.Inputs.AsSpan(start * f, Batch * f).ToArray();
        var labels = Enumerable.Range(start, Batch).Select(i => (int)train.Labels[i]).ToArray();
        var keys = Enumerable.Range(start, Batch).Select(i => (ulong)i).ToArray();
        return (inputs, labels, keys, f);
    }
}
