namespace NeuroSim.Cli.Training;

/// <summary>One row of metrics.json's "epochs" array (1-based epoch; accuracies as fractions in [0, 1]).</summary>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss,
    double TestAccuracy, double Seconds, double LearningRate);
