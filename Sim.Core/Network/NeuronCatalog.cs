using System.Collections.Concurrent;

namespace NeuroSim.Core.Network;

/// <summary>
/// The neuron kinds a network file may name, keyed by the "kind" string. <see cref="Default"/> starts with
/// the built-in kinds (<see cref="BuiltInNeuronKinds"/>); other projects add theirs with
/// <see cref="Register"/> at start-up (e.g. Sim.Learning registers "snu"). Thread-safe.
/// </summary>
public sealed class NeuronCatalog
{
    private readonly ConcurrentDictionary<string, NeuronKind> _kinds = new(StringComparer.Ordinal);

    /// <summary>Creates a catalogue holding <paramref name="kinds"/>.</summary>
    public NeuronCatalog(IEnumerable<NeuronKind> kinds)
    {
        foreach (var kind in kinds)
        {
            Register(kind);
        }
    }

    /// <summary>
    /// The process-wide catalogue used by <see cref="NetworkLoader"/> unless told otherwise: the built-in kinds and
    /// the trainable spiking kinds of SNN mode (<see cref="TrainableSpikingKinds"/>).
    /// </summary>
    public static NeuronCatalog Default { get; } = new([.. BuiltInNeuronKinds.All, .. TrainableSpikingKinds.All]);

    /// <summary>Every registered kind, sorted by name.</summary>
    public IReadOnlyList<NeuronKind> Kinds => [.. _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal)];

    /// <summary>Adds or replaces a kind (replacing lets a project refine a built-in descriptor).</summary>
    public void Register(NeuronKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind.Name);
        _kinds[kind.Name] = kind;
    }

    /// <summary>Looks a kind up by name.</summary>
    public bool TryGet(string name, out NeuronKind kind) => _kinds.TryGetValue(name, out kind!);

    /// <summary>The kind with this name; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    public NeuronKind Get(string name) => TryGet(name, out var kind)
        ? kind
        : throw new KeyNotFoundException($"unknown neuron kind '{name}'");
}
