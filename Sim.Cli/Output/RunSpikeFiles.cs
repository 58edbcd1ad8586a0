using NeuroSim.Cli.EventDriven;
using NeuroSim.Cli.Plotting;
using NeuroSim.Core.Engine;
using NeuroSim.Core.IO;
using NeuroSim.Core.Recording;

namespace NeuroSim.Cli.Output;

/// <summary>
/// Writes a run's spikes.npz from the streamed spike file: per recorded population <c>POP_times_ms</c> (float64)
/// and <c>POP_senders</c> (int32), sorted by time then neuron, and returns the same series for the raster plot.
/// </summary>
public static class RunSpikeFiles
{
    /// <summary>Grid timing: spikes recorded by step (time = step × dt).</summary>
    public static List<RasterPlot.Series> WriteSpikes(string path, string spikeFile, SimulationNetwork network,
        HashSet<string> recorded)
    {
        var events = FileSpikeSink.ReadAll(spikeFile);
        var series = new List<RasterPlot.Series>();
        for (int p = 0; p < network.Populations.Count; p++)
        {
            var population = network.Populations[p];
            if (!recorded.Contains(population.Name))
            {
                continue;
            }

            var mine = events.Where(e => e.Population == p).ToArray();
            series.Add(new RasterPlot.Series(population.Name, population.Size,
                mine.Select(e => e.Step * network.Dt).ToArray(), mine.Select(e => e.Neuron).ToArray()));
        }

        WriteSeries(path, series);
        return series;
    }

    /// <summary>Exact timing: the exact spike times (float64 ms) from the TimedSpikeFile.</summary>
    public static List<RasterPlot.Series> WriteTimedSpikes(string path, string timedFile, SimulationNetwork network,
        HashSet<string> recorded)
    {
        var spikes = TimedSpikeFile.ReadAll(timedFile);
        var series = new List<RasterPlot.Series>();
        for (int p = 0; p < network.Populations.Count; p++)
        {
            var population = network.Populations[p];
            if (!recorded.Contains(population.Name))
            {
                continue;
            }

            var mine = spikes.Where(e => e.Population == p).OrderBy(e => e.TimeMs).ThenBy(e => e.Neuron).ToArray();
            series.Add(new RasterPlot.Series(population.Name, population.Size,
                mine.Select(e => e.TimeMs).ToArray(), mine.Select(e => e.Neuron).ToArray()));
        }

        WriteSeries(path, series);
        return series;
    }

    private static void WriteSeries(string path, List<RasterPlot.Series> series) =>
        NpzWriter.WriteFile(path, npz =>
        {
            foreach (var s in series)
            {
                npz.AddVector<double>(s.Name + "_times_ms", s.TimesMs);
                npz.AddVector<int>(s.Name + "_senders", s.Senders);
            }
        });
}
