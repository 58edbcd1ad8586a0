namespace NeuroSim.Cli.Snn;

/// <summary>
/// The train command's arguments as the SNN path uses them (the same options as ANN training, --tasks aside);
/// <paramref name="Resume"/> is a checkpoint.msgpack to continue from.
/// </summary>
public sealed record SnnTrainArguments(string File, string Out, int? Epochs, long? Seed, string? Data,
    int? TrainLimit, int? TestLimit, int? Threads, string? Resume = null);
