using NeuroSim.Learning.Bptt;

namespace NeuroSim.Cli.Snn;

/// <summary>
/// Draws one sample's spikes through a spiking network as a raster PNG: time step on x, neuron on y, each
/// layer (input first) in its own band and colour, separated by a gap; soft outputs ≥ 0.5 count as spikes.
/// </summary>
public static class SpikeRasterPlot
{
    /// <summary>Writes the raster of <paramref name="trace"/> to <paramref name="path"/> (900 × 700 pixels).</summary>
    public static void Save(string path, string title, SpikeTrace trace, IReadOnlyList<string> layerNames)
    {
        var plot = new ScottPlot.Plot();
        var rasters = new List<float[]> { trace.Input };
        rasters.AddRange(trace.Outputs);
        double offset = 0;
        for (int l = 0; l < rasters.Count; l++)
        {
            float[] r = rasters[l];
            int n = r.Length / trace.Steps;
            var xs = new List<double>();
            var ys = new List<double>();
            for (int t = 0; t < trace.Steps; t++)
            {
                for (int i = 0; i < n; i++)
                {
                    if (r[t * n + i] >= 0.5f)
                    {
                        xs.Add(t);
                        ys.Add(offset + i);
                    }
                }
            }

            // Small layers (the readout) get a taller band so that their spikes stay visible.
            double scale = n < 50 ? 20 : 1;
            var markers = plot.Add.Markers(xs.ToArray(), ys.Select(y => offset + (y - offset) * scale).ToArray());
            markers.LegendText = $"{layerNames[l]} ({n}): {xs.Count} spikes";
            markers.MarkerSize = n < 50 ? 6 : 2;
            offset += n * scale + 40;
        }

        plot.Title(title);
        plot.XLabel("time step");
        plot.YLabel("neuron (layers stacked, input at the bottom)");
        plot.ShowLegend();
        plot.SavePng(path, 900, 700);
    }
}
