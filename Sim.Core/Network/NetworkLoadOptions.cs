using System.Collections.Concurrent;

namespace NeuroSim.Core.Network;

/// <summary>
/// What the loader knows beyond the core format: the neuron catalogue and validators for sections other
/// projects own. <see cref="Default"/> is shared by the process; projects register into it at start-up
/// (the CLI composes them).
/// </summary>
public sealed class NetworkLoadOptions
{
    private readonly ConcurrentDictionary<string, SectionValidator> _plasticity = new(StringComparer.Ordinal);

    /// <summary>The process-wide options (catalogue <see cref="NeuronCatalog.Default"/>).</summary>
    public static NetworkLoadOptions Default { get; } = new();

    /// <summary>Neuron kinds a population may name.</summary>
    public NeuronCatalog Catalog { get; init; } = NeuronCatalog.Default;

    /// <summary>Validator of the "training" section; when null the section only has to be an object.</summary>
    public SectionValidator? Training { get; set; }

    /// <summary>Known plasticity rules (the "rule" string of a projection's "plasticity").</summary>
    public IReadOnlyCollection<string> PlasticityRules => [.. _plasticity.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Registers plasticity rule <paramref name="rule"/>; a projection naming an unregistered rule is an
    /// error, so projects that implement a rule must register it before loading.
    /// </summary>
    public void RegisterPlasticity(string rule, SectionValidator validator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(validator);
        _plasticity[rule] = validator;
    }

    /// <summary>The validator of a plasticity rule, if registered.</summary>
    public bool TryGetPlasticity(string rule, out SectionValidator validator) =>
        _plasticity.TryGetValue(rule, out validator!);
}
