using System.Runtime.InteropServices;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Tests.Core.Serialization;

/// <summary>Small networks and their built stores for the serialization tests.</summary>
internal static class SynapseSamples
{
    /// <summary>An ANN-style network: dense projections with biases (input 6 -> relu 5 -> linear 3).</summary>
    public const string Ann = """
        {
          "name": "tiny-mlp",
          "simulation": { "dt": "1 ms", "duration": "10 ms", "seed": 21 },
          "populations": [
            { "name": "in", "size": 6, "kind": "input" },
            { "name": "h", "size": 5, "kind": "relu" },
            { "name": "out", "size": 3, "kind": "linear" }
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "he_uniform" }, "bias": true },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" }, "bias": true }
          ]
        }
        """;

    /// <summary>A spiking network with sparse projections of every generated rule, and delays.</summary>
    public const string Sparse = """
        {
          "name": "sparse-mix",
          "simulation": { "dt": "0.1 ms", "duration": "100 ms", "seed": 5 },
          "populations": [
            { "name": "a", "size": 12, "kind": "lif", "params": { "tau_m": "20 ms" } },
            { "name": "b", "size": 7, "kind": "poisson", "params": { "rate": "10 Hz" } }
          ],
          "projections": [
            { "name": "ba", "source": "b", "target": "a", "connect": { "rule": "fixed_probability", "p": 0.4 },
              "weight": { "normal": ["1 mV", "0.3 mV"] }, "delay": "1.5 ms" },
            { "name": "aa", "source": "a", "target": "a", "receptor": "inh",
              "connect": { "rule": "one_to_one" }, "weight": "-2 mV", "delay": "0.3 ms" },
            { "name": "listed", "source": "b", "target": "a",
              "connect": { "rule": "list", "pairs": [[0, 1], [0, 11], [6, 3]] }, "weight": "0.5 mV" }
          ],
          "recording": { "spikes": ["a"] }
        }
        """;

    public static NetworkSpec Load(string json, string name = "sample.json") =>
        NetworkLoader.LoadFromText(json, name);

    public static (NetworkSpec Network, SynapseStore Store) Build(string json)
    {
        NetworkSpec network = Load(json);
        return (network, SynapseStoreBuilder.Build(network));
    }

    /// <summary>Asserts two stores hold bit-identical arrays and the same shapes.</summary>
    public static void AssertSame(SynapseStore expected, SynapseStore actual)
    {
        Assert.Equal(expected.Projections.Select(p => p.Name), actual.Projections.Select(p => p.Name));
        foreach (Projection e in expected.Projections)
        {
            Projection a = actual[e.Name];
            Assert.Equal((e.Source, e.Target, e.PreCount, e.PostCount, e.Layout, e.Receptor),
                (a.Source, a.Target, a.PreCount, a.PostCount, a.Layout, a.Receptor));
            Assert.Equal(e.RowStart, a.RowStart);
            Assert.Equal(e.Post, a.Post);
            AssertBits(e.Weight, a.Weight, $"{e.Name}.weight");
            AssertBits(e.Delay, a.Delay, $"{e.Name}.delay");
            Assert.Equal(e.Bias is null, a.Bias is null);
            if (e.Bias is not null)
            {
                AssertBits(e.Bias, a.Bias!, $"{e.Name}.bias");
            }
        }
    }

    /// <summary>Exact comparison: serialization must not change a single bit.</summary>
    public static void AssertBits(float[] expected, float[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        if (MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan())))
        {
            return;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{what}[{i}]: {actual[i]:R}, expected {expected[i]:R}");
        }
    }
}
