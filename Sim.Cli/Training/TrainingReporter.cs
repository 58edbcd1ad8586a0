using Spectre.Console;

namespace NeuroSim.Cli.Training;

/// <summary>
/// What a person sees while a network trains: a progress bar per epoch (only when stdout is a terminal), then
/// one table row per epoch (train loss, train and test accuracy, seconds), and a closing summary table.
/// </summary>
public sealed class TrainingReporter
{
    private readonly bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    private bool headerShown;

    /// <summary>Runs an epoch's work, showing a progress bar fed by its (done, total) callback.</summary>
    public T RunEpoch<T>(int epoch, int epochs, Func<Action<int, int>?, T> work)
    {
        if (!interactive)
        {
            return work(null);
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"epoch {epoch}/{epochs}", maxValue: 1);
                result = work((done, total) => task.Value = (double)done / total);
                task.Value = 1;
            });
        return result;
    }

    /// <summary>Prints one epoch's row (the header before the first).</summary>
    public void EpochDone(EpochMetrics m)
    {
        if (!headerShown)
        {
            Console.WriteLine($"{"epoch",5}  {"train loss",10}  {"train acc",9}  {"test acc",8}  {"seconds",7}");
            headerShown = true;
        }

        Console.WriteLine($"{m.Epoch,5}  {m.TrainLoss,10:F4}  {100 * m.TrainAccuracy,8:F2}%  " +
            $"{100 * m.TestAccuracy,7:F2}%  {m.Seconds,7:F1}");
    }

    /// <summary>Prints the final summary: best and last test accuracy and where the outputs went.</summary>
    public void Finished(IReadOnlyList<EpochMetrics> epochs, string outDir)
    {
        if (epochs.Count == 0)
        {
            return;
        }

        var best = epochs.MaxBy(e => e.TestAccuracy)!;
        var table = new Table().AddColumn("").AddColumn("test accuracy").AddColumn("epoch");
        table.AddRow("final", $"{100 * epochs[^1].TestAccuracy:F2}%", epochs[^1].Epoch.ToString());
        table.AddRow("best", $"{100 * best.TestAccuracy:F2}%", best.Epoch.ToString());
        AnsiConsole.Write(table);
        Console.WriteLine($"outputs: {outDir}/metrics.json, accuracy.png, synapses.msgpack");
    }
}
