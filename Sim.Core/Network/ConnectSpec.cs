namespace NeuroSim.Core.Network;

/// <summary>
/// The "connect" object of a projection.
/// </summary>
/// <param name="Rule">Connection rule.</param>
/// <param name="P">Connection probability for fixed_probability (0 otherwise).</param>
/// <param name="Seed">Seed of this projection's random streams: "connect.seed" if given, else derived from
/// the simulation seed and the projection's index.</param>
/// <param name="AllowSelf">Whether neuron i may connect to itself when source and target are the same
/// population (default false).</param>
/// <param name="Pairs">Explicit (pre, post) pairs for the list rule (empty otherwise).</param>
public sealed record ConnectSpec(ConnectRule Rule, double P, long Seed, bool AllowSelf,
    IReadOnlyList<(int Pre, int Post)> Pairs);
