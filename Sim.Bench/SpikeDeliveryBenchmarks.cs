using BenchmarkDotNet.Attributes;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Encoders.Sources;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Bench;

/// <summary>
/// Spike delivery through the clock engine: (1) a fan-out-heavy network where 1000 sources fire every step
/// into 4000 LIF neurons through 100 synapses each (100,000 synaptic events per step, sparse CSR, 1-step
/// delay); (2) a whole engine step of networks/cuba.json. Both run on one thread; the memory diagnoser shows
/// zero bytes allocated per step.
/// </summary>
[MemoryDiagnoser]
public class SpikeDeliveryBenchmarks
{
    private const int Steps = 100;
    private ClockEngine _fanOut = null!;
    private ClockEngine _cuba = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fanOut = new ClockEngine(FanOutNetwork());
        _cuba = new ClockEngine(CubaNetwork());
        _fanOut.Run(10);
        _cuba.Run(10);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fanOut.Dispose();
        _cuba.Dispose();
    }

    [Benchmark(Description = "100k synaptic events per step (one step)", OperationsPerInvoke = Steps)]
    public long FanOut()
    {
        _fanOut.Run(Steps);
        return _fanOut.SynapticEvents;
    }

    [Benchmark(Description = "CUBA engine step (one step)", OperationsPerInvoke = Steps)]
    public long Cuba()
    {
        _cuba.Run(Steps);
        return _cuba.SynapticEvents;
    }

    private static SimulationNetwork FanOutNetwork()
    {
        const int sources = 1000, targets = 4000, fanOut = 100;
        var source = new PoissonSourcePopulation("src", sources, 10_000.0, 1);
        var lif = new LifPopulation("lif", targets, new LifParameters(20, 250, -70, -50, -70, 2, 5, 10));
        var rng = new System.Random(3);
        var rowStart = new int[sources + 1];
        var post = new int[sources * fanOut];
        var weight = new float[sources * fanOut];
        for (int pre = 0; pre < sources; pre++)
        {
            rowStart[pre + 1] = (pre + 1) * fanOut;
            for (int k = pre * fanOut; k < (pre + 1) * fanOut; k++)
            {
                post[k] = rng.Next(targets);
                weight[k] = 0.001f;
            }
        }

        var connection = Connection.Sparse("drive", 0, 1, Receptor.Excitatory, rowStart, post, weight, null, 1);
        return new SimulationNetwork(0.1, [source, lif], [connection]);
    }

    private static SimulationNetwork CubaNetwork()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "NeuroSim.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        var spec = NetworkLoader.Load(Path.Combine(dir, "networks", "cuba.json"));
        var factories = new PopulationFactories().AddLif().AddSources();
        return SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), factories);
    }
}
