using BenchmarkDotNet.Attributes;
using NeuroSim.Learning.Bptt;

namespace NeuroSim.Bench.Snn;

/// <summary>
/// BenchmarkDotNet suite (run with <c>--filter '*SnnTraining*' --inProcess</c>): one training step (batch of 128,
/// T = 25, 784-256-10 LIF) per invocation; samples/s = 128 / mean. The memory diagnoser reports the bytes
/// allocated per step (per batch); the unit test
/// BpttEngineTests.ComputeGradients_SingleThread_AllocationDoesNotGrowWithSteps checks they do not grow with T.
/// </summary>
[MemoryDiagnoser]
public class SnnTrainingBenchmarks
{
    private SpikingTrainer _trainer = null!;
    private float[] _inputs = [];
    private int[] _labels = [];
    private ulong[] _keys = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int features;
        (_inputs, _labels, _keys, features) = SnnBenchmarkSetup.LoadBatch(0);
        _trainer = SnnBenchmarkSetup.CreateTrainer(features, Threads);
    }

    [Benchmark(Description = "SNN train step 784-256-10 LIF T=25 batch 128")]
    public BatchResult TrainStep() => _trainer.TrainBatch(_inputs, _labels, _keys, SnnBenchmarkSetup.Batch, 0, 0);
}
