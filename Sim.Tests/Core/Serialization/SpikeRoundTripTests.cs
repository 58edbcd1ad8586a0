using NeuroSim.Cli.Commands;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;
using NeuroSim.Tests.Core.Network;

namespace NeuroSim.Tests.Core.Serialization;

public sealed class SpikeRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spike-round-trip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("cuba.json", 2000)]
    [InlineData("poisson-driven.json", 2000)]
    public void RunSaveLoadRun_RepositoryNetwork_IdenticalSpikes(string file, int steps)
    {
        // Oracle: reload equals original. The weights are changed before saving (every 7th scaled by 1.25) so
        // that the second run can only match if it really uses the file's weights, not rebuilt ones.
        NetworkSpec spec = NetworkLoader.Load(Path.Combine(NetworkTexts.RepoRoot, "networks", file));
        SynapseStore store = SynapseStoreBuilder.Build(spec);
        foreach (Projection p in store.Projections)
        {
            for (int k = 0; k < p.Weight.Length; k += 7)
            {
                p.Weight[k] *= 1.25f;
            }
        }

        List<(long, int, int)> before = Run(spec, store, steps);
        string path = Path.Combine(_folder, "synapses.msgpack");
        SynapseFile.Save(path, spec, store);
        SynapseFileContents loaded = SynapseFile.Load(path);
        List<(long, int, int)> after = Run(loaded.Network, loaded.Store, steps);

        Assert.True(before.Count > 100, $"only {before.Count} spikes: the comparison would prove little");
        Assert.Equal(before, after);
    }

    private static List<(long Step, int Population, int Neuron)> Run(NetworkSpec spec, SynapseStore store,
        int steps)
    {
        SimulationNetwork network = SimulationNetworkBuilder.Build(spec, store, RunCommand.Factories());
        using var engine = new ClockEngine(network);
        var recorder = new Recorder();
        engine.AddObserver(recorder);
        engine.Run(steps);
        return recorder.Spikes;
    }

    private sealed class Recorder : ISpikeObserver
    {
        public List<(long, int, int)> Spikes { get; } = [];

        public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
        {
            foreach (int n in neurons)
            {
                Spikes.Add((step, population, n));
            }
        }

        public void OnStepEnd(long step)
        {
        }
    }
}
