using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Learning.Ann;

/// <summary>
/// What an epoch-by-epoch trainer offers its caller, rate (<see cref="AnnTrainer"/>) or spiking (BPTT) alike: one
/// pass over the training set in minibatches, an evaluation of a data set without learning, and the optimiser
/// (whose current learning rate a metrics row records).
/// </summary>
public interface IEpochTrainer
{
    /// <summary>The optimiser that updates the parameters.</summary>
    Optimizer Optimizer { get; }

    /// <summary>
    /// Trains one epoch (number <paramref name="epoch"/>, from 0, which seeds the shuffle); reports (done, total)
    /// batches to <paramref name="progress"/>; returns the epoch's mean loss and accuracy. Throws
    /// <see cref="TrainingDivergedException"/> when a loss or gradient stops being finite.
    /// </summary>
    (double Loss, double Accuracy) TrainEpoch(DataSet train, int epoch, Action<int, int>? progress = null);

    /// <summary>Mean loss and accuracy on <paramref name="data"/>; the predicted class of each sample goes to
    /// <paramref name="predictions"/> when given.</summary>
    (double Loss, double Accuracy) Evaluate(DataSet data, int[]? predictions = null);
}
