using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Learning.Initialization;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// Reads a <see cref="NetworkSpec"/> as a trainable spiking network over its <see cref="SynapseStore"/>: one
/// population of kind "input", then a chain of dense all_to_all projections into populations of kind "leaky",
/// "snu" or "ssnu" (the last one is the readout); a population may also have one all_to_all projection onto
/// itself, which becomes the layer's recurrent weights. Layers wrap the store's arrays (weights, biases, and
/// per-neuron thresholds when the store holds them or they are trained: see <see cref="ThresholdParameter"/>).
/// β = exp(−dt/tau_m) for "leaky" (dt from the simulation section), β = decay for SNUs. Structural problems are
/// reported all at once with the JSON path of the culprit.
/// </summary>
public static class SpikingNetworkBuilder
{
    /// <summary>Name of the per-neuron parameter under which the store keeps a layer's thresholds θ.</summary>
    public const string ThresholdParameter = "threshold";

    /// <summary>True when the spec has an input population and every other population is a trainable spiking
    /// kind.</summary>
    public static bool IsSpikingNetwork(NetworkSpec spec) =>
        spec.Populations.Any(p => p.KindName == "input") &&
        spec.Populations.All(p => p.KindName == "input" || SpikingNeuronKinds.ModelOf(p.KindName) is not null);

    /// <summary>Builds the layers; throws <see cref="NetworkValidationException"/> listing every problem.</summary>
    public static SpikingNetwork Build(NetworkSpec spec, SynapseStore store, SnnTrainingSpec training)
    {
        var reader = spec.CreateReader();
        var inputs = spec.Populations.Where(p => p.KindName == "input").ToList();
        if (inputs.Count != 1)
        {
            reader.Error("$.populations", "SNN mode needs exactly one population of kind \"input\"",
                inputs.Count.ToString());
            reader.ThrowIfErrors();
        }

        var surrogate = SurrogateCatalog.Create(training.Surrogate, training.SurrogateScale);
        var layers = new List<SpikingLayer>();
        var used = new HashSet<string>();
        string current = inputs[0].Name;
        while (true)
        {
            var outgoing = spec.Projections.Where(p => p.Source == current && p.Target != current).ToList();
            if (outgoing.Count == 0)
            {
                break;
            }

            if (outgoing.Count > 1)
            {
                reader.Error($"$.projections[{outgoing[1].Index}]", $"SNN mode needs a chain: population " +
                    $"'{current}' already feeds '{outgoing[0].Target}'", outgoing[1].Name);
                break;
            }

            var p = outgoing[0];
            var target = spec.Population(p.Target);
            var model = SpikingNeuronKinds.ModelOf(target.KindName);
            if (model is null)
            {
                reader.Error($"$.populations[{target.Index}].kind", "SNN layers need a spiking kind (leaky, snu, ssnu)",
                    target.KindName);
            }

            CheckDense(reader, p);
            var recurrent = spec.Projections.FirstOrDefault(r => r.Source == target.Name && r.Target == target.Name);
            if (recurrent is not null)
            {
                CheckDense(reader, recurrent);
                used.Add(recurrent.Name);
            }

            if (reader.HasErrors || !used.Add(p.Name))
            {
                break;
            }

            var stored = store[p.Name];
            float beta = model == SpikingNeuronModel.Lif
                ? (float)Math.Exp(-spec.Simulation.Dt / target.Param("tau_m"))
                : (float)target.Param("decay");
            if (beta > 1f)
            {
                reader.Error($"$.populations[{target.Index}].params.decay", "must be in [0, 1]", beta.ToString("G"));
                break;
            }

            var options = new SpikingLayerOptions(stored.PreCount, stored.PostCount, model!.Value, beta,
                (float)target.Param("threshold"), model == SpikingNeuronModel.Lif ? training.Reset : ResetMode.Zero,
                recurrent is not null, training.TrainThreshold, surrogate);
            layers.Add(new SpikingLayer(options, stored.Weight, stored.Bias,
                recurrent is null ? null : store[recurrent.Name].Weight,
                Thresholds(store, target.Name, options)));
            current = p.Target;
        }

        if (!reader.HasErrors && layers.Count == 0)
        {
            reader.Error("$.projections", $"no projection leaves the input population '{inputs[0].Name}'");
        }

        if (!reader.HasErrors && used.Count != spec.Projections.Count)
        {
            var stray = spec.Projections.First(p => !used.Contains(p.Name));
            reader.Error($"$.projections[{stray.Index}]", "is not on the chain from the input population", stray.Name);
        }

        reader.ThrowIfErrors();
        return new SpikingNetwork(layers);
    }

    /// <summary>
    /// Redraws, from the training seed, the feed-forward and recurrent weights initialised by a scheme
    /// ({ "init": "uniform_fan_in" } etc.), so that different training seeds start from different weights;
    /// one stream per projection, forked in file order from <c>TrainingRandom(seed ^ 0x5EED)</c>.
    /// </summary>
    public static void Reinitialise(NetworkSpec spec, SynapseStore store, ulong seed)
    {
        var random = new TrainingRandom(seed ^ 0x5EEDUL);
        foreach (var p in spec.Projections)
        {
            TrainingRandom stream = random.Fork();
            WeightInit? init = p.Weight.Scheme is null ? null : WeightInitializer.Parse(p.Weight.Scheme);
            var stored = store[p.Name];
            if (init is not null && stored.Layout == ProjectionLayout.Dense)
            {
                WeightInitializer.Fill(init.Value, stored.Weight, stored.PreCount, stored.PostCount, stream);
                if (p.Source == p.Target && !p.Connect.AllowSelf)
                {
                    for (int i = 0; i < stored.PreCount; i++)
                    {
                        stored.Weight[i * stored.PreCount + i] = 0f;
                    }
                }
            }
        }
    }

    // Per-neuron thresholds live in the store (parameter "threshold" of the population), so that saving the store
    // saves them: a store that has them (a trained network reloaded) gives them to the layer; when they are to
    // be trained and the store has none yet, a fresh array with the file's value goes into the store; otherwise
    // the layer uses the file's value. The layer wraps the store's array, so training updates it in place.
    private static float[]? Thresholds(SynapseStore store, string population, SpikingLayerOptions options)
    {
        if (store.TryGetNeuronParameter(population, ThresholdParameter, out float[] theta))
        {
            return theta;
        }

        if (!options.TrainThreshold)
        {
            return null;
        }

        theta = new float[options.Size];
        Array.Fill(theta, options.Threshold);
        store.SetNeuronParameter(population, ThresholdParameter, theta);
        return theta;
    }

    private static void CheckDense(SpecReader reader, ProjectionSpec p)
    {
        if (p.Connect.Rule != ConnectRule.AllToAll)
        {
            reader.Error($"$.projections[{p.Index}].connect.rule", "SNN projections must be all_to_all (dense)",
                p.Connect.Rule.ToString());
        }
    }
}
