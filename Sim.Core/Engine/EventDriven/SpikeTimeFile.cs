using System.Globalization;

namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>
/// Reads a spike-time input file: plain text, one spike per line as "NEURON TIME_MS" (space, tab or comma
/// separated), '#' starts a comment, blank lines are ignored. Times may lie anywhere (off the dt grid).
/// </summary>
public static class SpikeTimeFile
{
    /// <summary>Spike times per neuron (ascending), for <paramref name="size"/> neurons.</summary>
    /// <exception cref="FormatException">A bad line; the message names the file, the line and the value.</exception>
    public static double[][] Read(string path, int size)
    {
        var lists = Enumerable.Range(0, size).Select(_ => new List<double>()).ToArray();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;

            var parts = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int neuron)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
                throw new FormatException($"{path}:{lineNumber}: expected 'NEURON TIME_MS' (got '{raw.Trim()}')");
            if (neuron < 0 || neuron >= size)
                throw new FormatException($"{path}:{lineNumber}: neuron must be in [0, {size}) (got {neuron})");
            if (!(t >= 0) || double.IsInfinity(t))
                throw new FormatException($"{path}:{lineNumber}: time must be a finite value >= 0 ms (got {parts[1]})");
            lists[neuron].Add(t);
        }

        return lists.Select(l => l.Order().ToArray()).ToArray();
    }
}
