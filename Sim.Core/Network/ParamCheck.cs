namespace NeuroSim.Core.Network;

/// <summary>
/// A cross-parameter check of a neuron kind, run after each parameter passed its own rule. It may rewrite
/// <paramref name="values"/> (e.g. expand an alias) and reports problems through <paramref name="error"/>
/// (parameter name, rule, value text).
/// </summary>
/// <param name="values">Canonical parameter values with defaults filled; mutable.</param>
/// <param name="given">Names of the parameters the file actually gave.</param>
/// <param name="error">Reports (parameter, rule, value).</param>
public delegate void ParamCheck(Dictionary<string, double> values, IReadOnlySet<string> given,
    Action<string, string, string?> error);
