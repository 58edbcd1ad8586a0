using Spectre.Console;

namespace NeuroSim.Cli.Output;

/// <summary>Shows biological time while a run advances: a Spectre progress bar on a terminal, nothing when
/// stdout is redirected (scripts and CI get only the final lines).</summary>
public static class RunProgress
{
    /// <summary>Runs <paramref name="advance"/>(steps) in chunks until <paramref name="totalSteps"/> are
    /// done.</summary>
    public static void Run(long totalSteps, double dtMs, Action<long> advance)
    {
        long chunk = Math.Max(1, Math.Min(totalSteps / 200, (long)(10.0 / dtMs)));
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            for (long done = 0; done < totalSteps; done += chunk)
            {
                advance(Math.Min(chunk, totalSteps - done));
            }

            return;
        }

        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                double total = totalSteps * dtMs;
                var task = ctx.AddTask($"biological time (of {total:g4} ms)", maxValue: total);
                for (long done = 0; done < totalSteps; done += chunk)
                {
                    long n = Math.Min(chunk, totalSteps - done);
                    advance(n);
                    task.Value = (done + n) * dtMs;
                }
            });
    }
}
