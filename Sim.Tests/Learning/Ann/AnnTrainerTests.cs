using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Optimizers;
using NeuroSim.Tests.Learning.Blas;

namespace NeuroSim.Tests.Learning.Ann;

[Collection(ProcessStateCollection.Name)]
public class AnnTrainerTests
{
    private static readonly Lazy<(DataSet Train, DataSet Test)> Sample =
        new(() => DataSetLocator.Load(DataSetLocator.MnistSample));

    private static AnnTrainingOptions Options(bool grapes = false) => new()
    {
        BatchSize = 32,
        Seed = 7,
        Dropout = 0.1f,
        Optimizer = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.05f },
        Grapes = new GrapesSettings { Enabled = grapes },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrainEpoch_BundledDigits_LearnsWellAboveChance(bool grapes)
    {
        // 784-64-10 on 4,000 real digits for two epochs: such a network reaches ~90 % on held-out digits;
        // 80 % is far above chance (10 %) and below what a working trainer gets, so the bound is robust.
        var (train, test) = (Sample.Value.Train.Take(4000), Sample.Value.Test);
        var net = AnnTestNetworks.Create([784, 64, 10], [Activation.Relu, Activation.Linear], bias: true, seed: 1);
        var trainer = new AnnTrainer(net, Options(grapes));

        trainer.TrainEpoch(train, 0);
        var (loss, accuracy) = trainer.TrainEpoch(train, 1);
        var (_, testAccuracy) = trainer.Evaluate(test);

        Assert.InRange(loss, 0, 0.8);
        Assert.InRange(accuracy, 0.8, 1);
        Assert.InRange(testAccuracy, 0.8, 1);
    }

    [Fact]
    public void TrainEpoch_SameSeedTwice_GivesBitIdenticalWeights()
    {
        var train = Sample.Value.Train.Take(1000);
        float[][] Run()
        {
            var net = AnnTestNetworks.Create([784, 32, 10], [Activation.Tanh, Activation.Linear], true, seed: 2);
            var trainer = new AnnTrainer(net, Options(grapes: true));
            trainer.TrainEpoch(train, 0);
            return net.Layers.Select(l => l.Weights).ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void TrainEpoch_OneVersusTwoBlasThreads_GivesBitIdenticalWeights()
    {
        // OpenBLAS partitions sgemm over C's rows and columns, not over the inner dimension, so each element is
        // summed in the same order whatever the thread count. 784-128-10 with batch 32 is large enough for
        // OpenBLAS to use more than one thread when allowed.
        var train = Sample.Value.Train.Take(640);
        float[][] Run(int threads)
        {
            NeuroSim.Learning.Blas.Gemm.SetThreads(threads);
            try
            {
                var net = AnnTestNetworks.Create([784, 128, 10], [Activation.Relu, Activation.Linear], true, 8);
                new AnnTrainer(net, Options(grapes: true)).TrainEpoch(train, 0);
                return net.Layers.Select(l => l.Weights).ToArray();
            }
            finally
            {
                NeuroSim.Learning.Blas.Gemm.SetThreads(Environment.ProcessorCount);
            }
        }

        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void TrainEpoch_ResumedFromSavedState_EndsWithSameWeightsAsUninterrupted()
    {
        // The state a checkpoint holds: weights, optimizer arrays and step count, both random streams.
        var train = Sample.Value.Train.Take(600);
        var adam = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 1e-3f };
        var options = Options() with { Optimizer = adam };
        var straightNet = AnnTestNetworks.Create([784, 16, 10], [Activation.Relu, Activation.Linear], true, 4);
        var straight = new AnnTrainer(straightNet, options);
        for (int e = 0; e < 3; e++)
        {
            straight.TrainEpoch(train, e);
        }

        var firstNet = AnnTestNetworks.Create([784, 16, 10], [Activation.Relu, Activation.Linear], true, 4);
        var first = new AnnTrainer(firstNet, options);
        first.TrainEpoch(train, 0);
        var resumedNet = AnnTestNetworks.Create([784, 16, 10], [Activation.Relu, Activation.Linear], true, 99);
        for (int l = 0; l < 2; l++)
        {
            firstNet.Layers[l].Weights.CopyTo(resumedNet.Layers[l].Weights, 0);
            firstNet.Layers[l].Bias!.CopyTo(resumedNet.Layers[l].Bias!, 0);
        }

        var resumed = new AnnTrainer(resumedNet, options);
        resumed.Optimizer.RestoreState(first.Optimizer.StepCount, first.Optimizer.StateArrays);
        resumed.ShuffleRandom.SetState(first.ShuffleRandom.GetState());
        resumed.DropoutRandom.SetState(first.DropoutRandom.GetState());
        resumed.TrainEpoch(train, 1);
        resumed.TrainEpoch(train, 2);

        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(straightNet.Layers[l].Weights, resumedNet.Layers[l].Weights);
            Assert.Equal(straightNet.Layers[l].Bias, resumedNet.Layers[l].Bias);
        }
    }

    [Fact]
    public void TrainBatch_HugeLearningRate_ThrowsDivergedNamingLayerAndBatch()
    {
        var net = AnnTestNetworks.Create([4, 5, 3], [Activation.Relu, Activation.Linear], bias: false, seed: 3);
        var (x, y) = AnnTestNetworks.Batch(8, 4, 3, seed: 1);
        var options = new AnnTrainingOptions
        {
            BatchSize = 8,
            Optimizer = new OptimizerSettings { LearningRate = 1e30f },
        };
        var trainer = new AnnTrainer(net, options);

        var ex = Assert.Throws<TrainingDivergedException>(() =>
        {
            for (int b = 0; b < 20; b++)
            {
                trainer.TrainBatch(x, y, 8, epoch: 0, batch: b);
            }
        });

        Assert.Contains("layer p", ex.Message);
        Assert.Contains("batch", ex.Message);
        Assert.InRange(ex.Batch, 0, 19);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrainBatch_AfterWarmUp_AllocatesNothing(bool grapes)
    {
        // Buffers are made when the trainer is built; a step must not allocate (single BLAS thread: the
        // multi-thread path uses Parallel.For, whose bookkeeping allocates a little).
        var net = AnnTestNetworks.Create([20, 16, 12, 5], [Activation.Tanh, Activation.Relu, Activation.Linear],
            bias: true, seed: 6);
        var (x, y) = AnnTestNetworks.Batch(8, 20, 5, seed: 2);
        var options = Options(grapes) with
        {
            BatchSize = 8,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 1e-3f },
        };
        var trainer = new AnnTrainer(net, options);
        NeuroSim.Learning.Blas.Gemm.SetThreads(1);
        try
        {
            trainer.TrainBatch(x, y, 8);

            // Least of three rounds: the runtime itself now and then allocates on the thread (tiered compilation).
            long least = long.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 10; i++)
                {
                    trainer.TrainBatch(x, y, 8);
                }

                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Assert.Equal(0, least);
        }
        finally
        {
            NeuroSim.Learning.Blas.Gemm.SetThreads(Environment.ProcessorCount);
        }
    }

    [Fact]
    public void Evaluate_Predictions_AgreeWithAccuracy()
    {
        var test = Sample.Value.Test.Take(300);
        var net = AnnTestNetworks.Create([784, 16, 10], [Activation.Sigmoid, Activation.Linear], true, 5);
        var trainer = new AnnTrainer(net, Options());
        var predictions = new int[test.Count];

        var (_, accuracy) = trainer.Evaluate(test, predictions);

        int correct = predictions.Where((p, i) => p == test.Labels[i]).Count();
        Assert.Equal(accuracy, (double)correct / test.Count);
    }
}
