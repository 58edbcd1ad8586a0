using NeuroSim.Core.Network;
using NeuroSim.Learning.Plasticity;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Cli;

/// <summary>
/// The one set of loader options every command uses (run, inspect, export; offered to train and eval): the
/// default neuron catalogue (built-in kinds and the trainable spiking kinds), every plasticity rule of
/// <see cref="PlasticitySectionReader"/>, and a training validator that reads SNN sections ("mode": "snn") with
/// the SNN reader and all others with the ANN reader. So a file that loads in one command loads in all.
/// </summary>
public static class CliLoadOptions
{
    /// <summary>The shared options (thread-safe to read; nothing registers into them after start-up).</summary>
    public static NetworkLoadOptions Default { get; } = PlasticitySectionReader.Register(new NetworkLoadOptions
    {
        Catalog = NeuronCatalog.Default,
        Training = SnnTrainingReader.Validate,
    });
}
