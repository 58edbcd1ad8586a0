using BenchmarkDotNet.Attributes;
using NeuroSim.Core.Engine;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Bench;

/// <summary>
/// One LIF step (propagate, threshold, reset) over a whole population, CUBA parameters.
/// The memory diagnoser shows the step allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class LifStepBenchmarks
{
    private LifPopulation _population = null!;
    private SpikeBuffer _spikes = null!;
    private long _step;

    [Params(4000, 100_000)]
    public int Neurons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _population = new LifPopulation("exc", Neurons, new LifParameters(20, 250, -49, -50, -60, 5, 5, 10));
        _population.Prepare(0.1);
        var rng = new System.Random(1);
        for (int i = 0; i < Neurons; i++)
        {
            _population.V[i] = (float)(-60 + 10 * rng.NextDouble());
        }

        _spikes = new SpikeBuffer(Neurons);
    }

    [Benchmark(Description = "LIF step, whole population")]
    public int Step()
    {
        _spikes.Clear();
        _population.Ge[(int)(_step % Neurons)] += 2f;
        _population.Advance(_step++, 0, Neurons, default, _spikes);
        return _spikes.Count;
    }
}
