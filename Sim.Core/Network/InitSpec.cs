namespace NeuroSim.Core.Network;

/// <summary>
/// Initial value of one state variable of a population, in the variable's canonical unit. Written in the
/// file as "-60 mV", { "uniform": ["-60 mV", "-50 mV"] } or { "normal": ["-60 mV", "2 mV"] }. Draws are
/// the engine's job (deterministic per simulation seed and population).
/// </summary>
/// <param name="Kind">Constant, uniform or normal.</param>
/// <param name="A">Constant value, uniform low bound, or normal mean.</param>
/// <param name="B">Unused for constants, uniform high bound, or normal standard deviation.</param>
public sealed record InitSpec(InitKind Kind, double A, double B = 0);
