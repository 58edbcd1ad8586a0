namespace NeuroSim.Cli.Snn;

/// <summary>The train command's arguments as the SNN path uses them (the same options as ANN training).</summary>
public sealed record SnnTrainArguments(string File, string Out, int? Epochs, long? Seed, string? Data,
    int? TrainLimit, int? TestLimit, int? Threads);
