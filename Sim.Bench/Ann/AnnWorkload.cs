using NeuroSim.Learning;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Initialization;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Bench.Ann;

/// <summary>
/// The training step measured against PyTorch: a 784-H-H-10 ReLU network without biases, He-uniform weights,
/// softmax cross-entropy, plain SGD (lr 0.01), 10 % dropout, one batch of 64 random inputs in [0, 1) — the
/// same work as scripts/bench-ann-vs-torch.py does with torch.nn.
/// </summary>
public sealed class AnnWorkload
{
    public const int Batch = 64;

    private readonly AnnTrainer trainer;
    private readonly float[] inputs;
    private readonly byte[] labels;

    public AnnWorkload(int hidden)
    {
        var random = new TrainingRandom(1);
        int[] sizes = [784, hidden, hidden, 10];
        var layers = new List<DenseLayer>();
        for (int l = 0; l < 3; l++)
        {
            var w = new float[sizes[l + 1] * sizes[l]];
            WeightInitializer.Fill(WeightInit.HeUniform, w, sizes[l], sizes[l + 1], random);
            layers.Add(new DenseLayer($"p{l}", sizes[l], sizes[l + 1], l < 2 ? Activation.Relu : Activation.Linear,
                w, null));
        }

        trainer = new AnnTrainer(new AnnNetwork(784, layers), new AnnTrainingOptions
        {
            BatchSize = Batch,
            Dropout = 0.1f,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.01f },
        });
        inputs = new float[Batch * 784];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextSingle();
        }

        labels = new byte[Batch];
        for (int i = 0; i < Batch; i++)
        {
            labels[i] = (byte)random.NextInt(10);
        }
    }

    /// <summary>One optimisation step on the batch.</summary>
    public void Step() => trainer.TrainBatch(inputs, labels, Batch);
}
