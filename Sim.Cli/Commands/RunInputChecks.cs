using NeuroSim.Core.Network;
using NeuroSim.Core.Units;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// The checks <c>neurosim run</c> makes before building anything: the --duration text, and the parts of a valid
/// network file that the chosen engine and timing cannot run (delays or spike times off the dt grid). Each returns
/// a one-line message naming the file, the JSON path and the way out, or null when all is well.
/// </summary>
internal static class RunInputChecks
{
    // The first projection delay that is not a whole number of steps (the loader accepts one for the event engine;
    // only its exact timing can run it), as a one-line error, or null.
    internal static string? OffGridDelay(NetworkSpec spec)
    {
        foreach (var projection in spec.Projections)
        {
            if (!spec.Simulation.IsWholeSteps(projection.Delay))
            {
                return $"{spec.FileName}: $.projections[{projection.Index}].delay: must be a whole number of steps "
                    + $"of dt ({Quantity.Format(spec.Simulation.Dt, Dimension.Time)}) for the clock engine and the "
                    + "event engine's grid timing; use \"timing\": \"exact\" with the event engine "
                    + $"(got {Quantity.Format(projection.Delay, Dimension.Time)})";
            }
        }

        return null;
    }

    // The first spike_times entry off the dt grid, as a one-line error (grid timing of the event engine needs grid
    // times: it reproduces the clock engine's steps), or null.
    internal static string? OffGridSpikeTime(NetworkSpec spec)
    {
        foreach (var population in spec.Populations)
        {
            var times = population.SpikeTimes;
            for (int i = 0; times is not null && i < times.Count; i++)
            {
                for (int k = 0; k < times[i].Count; k++)
                {
                    if (!SimulationSpec.IsMultiple(times[i][k], spec.Simulation.Dt))
                    {
                        return $"{spec.FileName}: $.populations[{population.Index}].spike_times[{i}][{k}]: "
                            + $"must lie on the dt grid ({Quantity.Format(spec.Simulation.Dt, Dimension.Time)}) "
                            + "for the event engine's grid timing; use \"timing\": \"exact\" in the simulation "
                            + $"section or --timing exact (got {Quantity.Format(times[i][k], Dimension.Time)})";
                    }
                }
            }
        }

        return null;
    }

    // Why --duration cannot be used with this file's dt, or null when it can.
    internal static string? DurationProblem(SimulationSpec simulation, double durationMs)
    {
        string dt = Quantity.Format(simulation.Dt, Dimension.Time);
        if (durationMs < simulation.Dt)
        {
            return $"must be at least one step of dt = {dt}";
        }

        if (durationMs / simulation.Dt > NetworkLimits.MaxSteps)
        {
            return $"is too long: at most {NetworkLimits.MaxSteps} steps of dt = {dt}";
        }

        return simulation.IsWholeSteps(durationMs) ? null : $"must be a whole number of steps of dt = {dt}";
    }

    internal static bool TryParseDuration(string text, out double ms, out string why)
    {
        ms = 0;
        string normal = System.Text.RegularExpressions.Regex.Replace(
            text.Trim(), @"^([-+0-9.eE]+)\s*([a-zA-Z]+)$", "$1 $2");
        if (!Quantity.TryParse(normal, out var q, out string error))
        {
            why = $"{error} (e.g. 1s, 250 ms)";
            return false;
        }

        if (q.Dimension != Dimension.Time || !(q.Value > 0) || double.IsInfinity(q.Value))
        {
            why = $"must be a positive time such as 1s or 250 ms (got {text})";
            return false;
        }

        ms = q.Value;
        why = "";
        return true;
    }
}
