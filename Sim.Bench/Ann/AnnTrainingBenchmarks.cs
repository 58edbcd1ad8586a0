using BenchmarkDotNet.Attributes;

namespace NeuroSim.Bench.Ann;

/// <summary>
/// BenchmarkDotNet suite: one training step (batch 64) of 784-256-256-10 and 784-1000-1000-10; samples per
/// second = 64 / mean. The memory diagnoser shows that a step allocates nothing.
/// Run: <c>dotnet run -c Release --project Sim.Bench -- --filter '*AnnTraining*'</c>.
/// </summary>
[MemoryDiagnoser]
public class AnnTrainingBenchmarks
{
    private AnnWorkload workload = null!;

    [Params(256, 1000)]
    public int Hidden { get; set; }

    [GlobalSetup]
    public void Setup() => workload = new AnnWorkload(Hidden);

    [Benchmark(OperationsPerInvoke = 1)]
    public void TrainStep() => workload.Step();
}
