namespace NeuroSim.Learning.Surrogates;

/// <summary>Creates surrogates by the name used in network files.</summary>
public static class SurrogateCatalog
{
    /// <summary>The names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fast_sigmoid", "tanh", "arctan", "triangle", "sigmoid"];

    /// <summary>Creates a surrogate; <paramref name="scale"/> null means the surrogate's default.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static Surrogate Create(string name, float? scale = null) => name switch
    {
        "fast_sigmoid" => new FastSigmoidSurrogate(scale ?? 25f),
        "tanh" => new TanhSurrogate(scale ?? 1f),
        "arctan" => new ArctanSurrogate(scale ?? 2f),
        "triangle" => new TriangleSurrogate(scale ?? 1f),
        "sigmoid" => new SigmoidSurrogate(scale ?? 1f),
        _ => throw new ArgumentException(
            $"unknown surrogate '{name}' (expected one of: {string.Join(", ", Names)})", nameof(name)),
    };
}
