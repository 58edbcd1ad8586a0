using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Initialization;

namespace NeuroSim.Learning.Ann;

/// <summary>
/// Reads a <see cref="NetworkSpec"/> as a layered rate network over its <see cref="SynapseStore"/>: one
/// population of kind "input", then a chain of dense all_to_all projections, each into a population whose kind
/// is an activation (relu, leaky_relu, tanh, sigmoid, linear). The layers wrap the store's arrays.
/// Structural problems are reported like the loader's, all at once, with the JSON path of the culprit.
/// </summary>
public static class AnnNetworkBuilder
{
    /// <summary>Builds the layer chain; a <see cref="NetworkValidationException"/> lists every problem.</summary>
    public static AnnNetwork Build(NetworkSpec spec, SynapseStore store)
    {
        var reader = spec.CreateReader();
        var inputs = spec.Populations.Where(p => p.KindName == "input").ToList();
        if (inputs.Count != 1)
        {
            reader.Error("$.populations", "ANN mode needs exactly one population of kind \"input\"",
                inputs.Count.ToString());
            reader.ThrowIfErrors();
        }

        var layers = new List<DenseLayer>();
        var visited = new HashSet<string>();
        string current = inputs[0].Name;
        while (visited.Add(current))
        {
            var outgoing = spec.Projections.Where(p => p.Source == current).ToList();
            if (outgoing.Count == 0)
            {
                break;
            }

            if (outgoing.Count > 1)
            {
                reader.Error($"$.projections[{outgoing[1].Index}]", $"ANN mode needs a chain: population " +
                    $"'{current}' already feeds '{outgoing[0].Target}'", outgoing[1].Name);
                break;
            }

            ProjectionSpec p = outgoing[0];
            string path = $"$.projections[{p.Index}]";
            PopulationSpec target = spec.Population(p.Target);
            Activation? activation = ActivationFunctions.FromKind(target.KindName);
            if (activation is null)
            {
                reader.Error($"$.populations[{target.Index}].kind", "ANN layers need an activation kind " +
                    "(relu, leaky_relu, tanh, sigmoid, linear)", target.KindName);
            }

            if (p.Connect.Rule != ConnectRule.AllToAll)
            {
                reader.Error(SpecPath.Property(SpecPath.Property(path, "connect"), "rule"),
                    "ANN projections must be all_to_all (dense)", p.Connect.Rule.ToString());
            }

            if (reader.HasErrors)
            {
                break;
            }

            Projection stored = store[p.Name];
            layers.Add(new DenseLayer(p.Name, stored.PreCount, stored.PostCount, activation!.Value, stored.Weight,
                stored.Bias));
            current = p.Target;
        }

        int used = layers.Count;
        if (!reader.HasErrors && used == 0)
        {
            reader.Error("$.projections", $"no projection leaves the input population '{inputs[0].Name}'");
        }

        if (!reader.HasErrors && used != spec.Projections.Count)
        {
            var stray = spec.Projections.First(p => layers.All(l => l.Name != p.Name));
            reader.Error($"$.projections[{stray.Index}]", "is not on the chain from the input population", stray.Name);
        }

        reader.ThrowIfErrors();
        return new AnnNetwork(inputs[0].Size, layers);
    }

    /// <summary>
    /// Redraws, from the training seed, the weights of every projection initialised by a scheme
    /// ({ "init": "he_uniform" } etc.), writing into the store, so that runs with different training seeds
    /// start from different weights. Stream per layer: a fork of <c>TrainingRandom(seed ^ 0x5EED)</c>.
    /// Constant, normal and uniform weights are left as the file gives them.
    /// </summary>
    public static void Reinitialise(NetworkSpec spec, AnnNetwork network, ulong seed)
    {
        var random = new TrainingRandom(seed ^ 0x5EEDUL);
        foreach (DenseLayer layer in network.Layers)
        {
            TrainingRandom stream = random.Fork();
            string? scheme = spec.Projection(layer.Name).Weight.Scheme;
            WeightInit? init = scheme is null ? null : WeightInitializer.Parse(scheme);
            if (init is not null)
            {
                WeightInitializer.Fill(init.Value, layer.Weights, layer.Inputs, layer.Outputs, stream);
            }
        }
    }
}
