using NeuroSim.Cli.Commands;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Engine;

public class SimulationNetworkBuilderTests
{
    private const string Network = """
        {
          "simulation": { "dt": "0.1 ms", "duration": "50 ms", "seed": 5 },
          "populations": [
            { "name": "a", "size": 400, "kind": "lif",
              "params": { "tau_m": "10 ms", "c_m": "250 pF", "e_l": "-70 mV", "v_th": "-55 mV",
                          "v_reset": "-70 mV", "t_ref": "2 ms" },
              "init": { "v": { "uniform": ["-70 mV", "-60 mV"] } } },
            { "name": "b", "size": 5, "kind": "poisson", "params": { "rate": "10 Hz" } }
          ],
          "projections": [
            { "name": "ba", "source": "b", "target": "a", "connect": { "rule": "fixed_probability", "p": 0.5 },
              "weight": "1 mV", "delay": "1 ms" }
          ],
          "inputs": [ { "kind": "current", "target": "a", "amplitude": "1000 pA", "start": "10 ms",
                        "stop": "25 ms", "neurons": [0] } ]
        }
        """;

    private static SimulationNetwork Build(string text, long? seed = null)
    {
        var spec = NetworkLoader.LoadFromText(text, "test.json");
        return SimulationNetworkBuilder.Build(spec, SynapseStoreBuilder.Build(spec), RunCommand.Factories(), seed);
    }

    [Fact]
    public void Build_UniformInit_ValuesInRangeAndDeterministicPerSeed()
    {
        var a = (LifPopulation)Build(Network).Populations[0];
        var again = (LifPopulation)Build(Network).Populations[0];
        var other = (LifPopulation)Build(Network, seed: 6).Populations[0];

        Assert.All(a.V.ToArray(), v => Assert.InRange(v, -70f, -60f));
        Assert.Equal(a.V.ToArray(), again.V.ToArray());
        Assert.NotEqual(a.V.ToArray(), other.V.ToArray());
        Assert.InRange(a.V.ToArray().Average(), -66f, -64f);
    }

    [Fact]
    public void Build_StoreArrays_AreSharedNotCopied()
    {
        var spec = NetworkLoader.LoadFromText(Network, "test.json");
        var store = SynapseStoreBuilder.Build(spec);

        var network = SimulationNetworkBuilder.Build(spec, store, RunCommand.Factories());

        Assert.Same(store["ba"].Weight, network.Connections[0].Weight);
        Assert.Equal(10, network.Connections[0].UniformDelaySteps);
    }

    [Fact]
    public void Run_CurrentWindow_NeuronFiresOnlyInsideTheWindow()
    {
        // 1000 pA → first spike 4.7 ms after onset (step 100 + 47), then every 6.7 ms (step 214; the next, 281,
        // falls after the stop at 25 ms).
        string text = Network.Replace("\"v\": { \"uniform\": [\"-70 mV\", \"-60 mV\"] }", "\"v\": \"-70 mV\"")
            .Replace("\"rate\": \"10 Hz\"", "\"rate\": \"0 Hz\"");
        var network = Build(text);
        using var engine = new ClockEngine(network);
        var steps = new List<long>();

        for (int s = 0; s < 500; s++)
        {
            engine.Step();
            if (engine.LastSpikes(0).Length > 0)
            {
                Assert.Equal(0, engine.LastSpikes(0)[0]);
                steps.Add(s);
            }
        }

        Assert.Equal([147L, 214], steps);
    }

    [Fact]
    public void Build_KindTheClockEngineCannotRun_ErrorNamesThePath()
    {
        string text = Network.Replace(
            "\"name\": \"b\", \"size\": 5, \"kind\": \"poisson\", \"params\": { \"rate\": \"10 Hz\" }",
            "\"name\": \"b\", \"size\": 5, \"kind\": \"relu\"");

        var error = Assert.Throws<NetworkValidationException>(() => Build(text));

        Assert.Contains("$.populations[1].kind", error.Message);
        Assert.Contains("relu", error.Message);
    }

    [Fact]
    public void Build_RefractoryNotWholeSteps_ErrorNamesTheParameterPath()
    {
        var error = Assert.Throws<NetworkValidationException>(() => Build(Network.Replace("\"2 ms\"", "\"2.05 ms\"")));

        Assert.Contains("$.populations[0].params.t_ref", error.Message);
        Assert.Contains("2.05", error.Message);
    }
}
