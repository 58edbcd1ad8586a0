using NeuroSim.Cli.Commands;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Recording;
using NeuroSim.Core.Synapses;
using NeuroSim.Encoders.Sources;
using NeuroSim.Neurons.Lif;
using NeuroSim.Tests.Core.Network;
using NeuroSim.Tests.Engine;

namespace NeuroSim.Tests.Cli;

public sealed class ClockWarmupTests
{
    [Fact]
    public void Run_BeforeTheRealRun_LeavesItsSpikesUnchanged()
    {
        // The warm-up copy must share no state with the real network (weights, membrane state, random streams):
        // the real run's spikes after a warm-up equal those of a run without one, spike for spike.
        var spec = NetworkLoader.Load(Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json"));
        var factories = new PopulationFactories().AddLif().AddSources();
        SimulationNetwork Build() =>
            SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), factories, 3);

        var warmed = Build();
        ClockWarmup.Run(warmed, Build, (_, _) => null, _ => [], threads: 1);
        var withWarmup = ClockEngineTests.Record(warmed, threads: 1, steps: 400);
        var without = ClockEngineTests.Record(Build(), threads: 1, steps: 400);

        Assert.True(without.Count > 500, $"only {without.Count} spikes: the check would be weak");
        Assert.Equal(without, withWarmup);
    }
}
