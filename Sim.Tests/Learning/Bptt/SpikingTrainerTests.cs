using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Initialization;
using NeuroSim.Learning.Optimizers;
using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Tests.Learning.Bptt;

// Allocation checks and comparisons across thread counts go through Gemm, whose thread count is process-wide
// (Gemm.SetThreads, set by other classes): run in the same collection, not alongside them.
[Collection(ProcessStateCollection.Name)]
public class SpikingTrainerTests
{
    // Two classes of 12-pixel images: class 0 lights the left half, class 1 the right half (plus noise).
    private static DataSet MakeData(int count, int seed)
    {
        var random = new TrainingRandom((ulong)seed);
        var x = new float[count * 12];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)(i % 2);
            for (int j = 0; j < 12; j++)
            {
                bool lit = (j < 6) == (labels[i] == 0);
                x[i * 12 + j] = lit ? 0.6f + 0.4f * random.NextSingle() : 0.1f * random.NextSingle();
            }
        }

        return new DataSet("halves", x, labels, 12, 2);
    }

    private static SpikingTrainer MakeTrainer(int threads, bool grapes)
    {
        var random = new TrainingRandom(5);
        SpikingLayer Layer(int m, int n)
        {
            var w = new float[n * m];
            WeightInitializer.Fill(WeightInit.HeUniform, w, m, n, random);
            return new SpikingLayer(new SpikingLayerOptions(m, n, SpikingNeuronModel.Lif, 0.9f, 1f, ResetMode.Subtract,
                false, false, new FastSigmoidSurrogate(10f)), w);
        }

        var options = new SpikingTrainingOptions
        {
            BatchSize = 16,
            Seed = 2,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 0.01f },
            Grapes = new GrapesSettings { Enabled = grapes },
            Bptt = new BpttOptions(12, Threads: threads, ChunkSize: 4),
        };
        return new SpikingTrainer(new SpikingNetwork([Layer(12, 16), Layer(16, 2)]), new PoissonEncoder(12, 1000, 1, 8),
            options);
    }

    [Fact]
    public void TrainEpoch_SeparableHalves_LearnsToHighTestAccuracy()
    {
        // A linearly separable two-class task: after 4 epochs of 256 samples the spiking network should classify
        // held-out samples well above chance (50%); 90% leaves room for Poisson noise.
        var trainer = MakeTrainer(1, grapes: true);
        var train = MakeData(256, 1);
        for (int e = 0; e < 4; e++)
        {
            trainer.TrainEpoch(train, e);
        }

        var (loss, accuracy) = trainer.Evaluate(MakeData(200, 9));
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy}, loss {loss}");
        Assert.All(trainer.Factors[0]!, f => Assert.InRange(f, 1f, 2f));
    }

    [Fact]
    public void TrainEpoch_OneVersusThreeThreads_IdenticalWeights()
    {
        var train = MakeData(64, 3);
        float[][] Run(int threads)
        {
            var trainer = MakeTrainer(threads, grapes: true);
            trainer.TrainEpoch(train, 0);
            trainer.TrainEpoch(train, 1);
            return trainer.Network.Layers.Select(l => (float[])l.Weights.Clone()).ToArray();
        }

        var one = Run(1);
        var three = Run(3);
        Assert.Equal(one[0], three[0]);
        Assert.Equal(one[1], three[1]);
    }
}
