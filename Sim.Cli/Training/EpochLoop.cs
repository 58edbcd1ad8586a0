using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The epoch loop of <c>train</c>, the same for rate (ANN) and spiking (SNN) trainers: optionally restore the
/// rows and next epoch from a checkpoint, then per epoch train (progress bar), evaluate on the test set, print a
/// row, rewrite DIR/metrics.json and, every <c>checkpoint.every_epochs</c> epochs, save DIR/checkpoint.msgpack
/// through the mode's own checkpoint writer.
/// </summary>
internal sealed class EpochLoop(IEpochTrainer trainer, string outDir, string? resume)
{
    /// <summary>The progress bar and row printer.</summary>
    public TrainingReporter Reporter { get; } = new();

    /// <summary>The metrics rows so far (restored ones included).</summary>
    public List<EpochMetrics> Rows { get; private set; } = [];

    /// <summary>The first epoch to train, from 0 (after a resume, the checkpoint's next epoch).</summary>
    public int Start { get; private set; }

    /// <summary>
    /// Takes next epoch and rows from <paramref name="restore"/> (which also restores the trainer's state) and
    /// prints "resuming at epoch N from FILE"; false, after printing the problem, when the checkpoint's trainer
    /// state does not fit.
    /// </summary>
    public bool TryResume(Func<(int NextEpoch, List<EpochMetrics> Rows)> restore)
    {
        try
        {
            (Start, Rows) = restore();
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"neurosim: {ex.Message}");
            return false;
        }

        Console.WriteLine($"resuming at epoch {Start + 1} from {resume}");
        return true;
    }

    /// <summary>
    /// Trains epochs <see cref="Start"/> .. <paramref name="epochs"/> - 1, calling
    /// <paramref name="saveCheckpoint"/> (path, next epoch, rows) every <paramref name="checkpointEvery"/> epochs
    /// (never when 0). Returns <see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Diverged"/> after printing the
    /// divergence line; with <paramref name="writeMetricsOnDivergence"/> metrics.json is then rewritten too (a
    /// failed write is ignored so that it cannot hide the divergence). Known inconsistency: ANN training passes
    /// true and SNN training false, as each did before they shared this loop; an SNN divergence leaves the
    /// metrics.json of the last completed epoch.
    /// </summary>
    public int Run(DataSet train, DataSet test, int epochs, int checkpointEvery,
        Dictionary<string, JsonNode?> facts, Action<string, int, List<EpochMetrics>> saveCheckpoint,
        bool writeMetricsOnDivergence)
    {
        string metricsPath = Path.Combine(outDir, "metrics.json");
        try
        {
            for (int e = Start; e < epochs; e++)
            {
                var clock = Stopwatch.StartNew();
                var (loss, accuracy) = Reporter.RunEpoch(e + 1, epochs,
                    progress => trainer.TrainEpoch(train, e, progress));
                var (testLoss, testAccuracy) = trainer.Evaluate(test);
                var row = new EpochMetrics(e + 1, loss, accuracy, testLoss, testAccuracy, clock.Elapsed.TotalSeconds,
                    trainer.Optimizer.CurrentLearningRate);
                Rows.Add(row);
                Reporter.EpochDone(row);
                MetricsFile.Write(metricsPath, facts, Rows);
                if (checkpointEvery > 0 && (e + 1) % checkpointEvery == 0)
                {
                    saveCheckpoint(Path.Combine(outDir, "checkpoint.msgpack"), e + 1, Rows);
                }
            }
        }
        catch (TrainingDivergedException ex)
        {
            Console.Error.WriteLine($"neurosim: {ResumeChecks.DivergenceMessage(ex, resume, Start)}");
            if (writeMetricsOnDivergence)
            {
                TryWriteMetrics(metricsPath, facts);
            }

            return ExitCodes.Diverged;
        }

        return ExitCodes.Ok;
    }

    private void TryWriteMetrics(string metricsPath, Dictionary<string, JsonNode?> facts)
    {
        try
        {
            MetricsFile.Write(metricsPath, facts, Rows);
        }
        catch (IOException)
        {
            // The divergence message is what matters; a failed metrics write must not hide it.
        }
    }
}
