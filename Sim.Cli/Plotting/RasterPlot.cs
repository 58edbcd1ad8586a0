using ScottPlot;

namespace NeuroSim.Cli.Plotting;

/// <summary>Draws a spike raster (one row per neuron, populations stacked) with the population rate beneath.</summary>
public static class RasterPlot
{
    /// <summary>Most spikes drawn; beyond that, a uniform subsample keeps the PNG readable and quick.</summary>
    public const int MaxMarkers = 200_000;

    /// <summary>One population's spikes for the plot.</summary>
    public sealed record Series(string Name, int Size, double[] TimesMs, int[] Senders);

    /// <summary>Writes the PNG at <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<Series> series, double durationMs, string title)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var raster = multiplot.GetPlot(0);
        var rate = multiplot.GetPlot(1);
        var layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        layout.SetHeights([520f, 220f]);
        multiplot.Layout = layout;

        double binMs = Math.Max(1.0, durationMs / 200.0);
        int bins = Math.Max(1, (int)Math.Ceiling(durationMs / binMs));
        long total = series.Sum(s => (long)s.TimesMs.Length);
        int stride = (int)Math.Max(1, (total + MaxMarkers - 1) / MaxMarkers);
        int offset = 0;
        var palette = new ScottPlot.Palettes.Category10();
        for (int p = 0; p < series.Count; p++)
        {
            var s = series[p];
            var color = palette.GetColor(p);
            int shown = (s.TimesMs.Length + stride - 1) / stride;
            var xs = new double[shown];
            var ys = new double[shown];
            for (int k = 0, j = 0; k < s.TimesMs.Length; k += stride, j++)
            {
                xs[j] = s.TimesMs[k];
                ys[j] = offset + s.Senders[k];
            }

            var markers = raster.Add.Markers(xs, ys, MarkerShape.FilledSquare, 1.5f, color);
            markers.LegendText = s.Name;

            var counts = new double[bins];
            foreach (double t in s.TimesMs)
            {
                counts[Math.Min((int)(t / binMs), bins - 1)]++;
            }

            var centers = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                centers[b] = (b + 0.5) * binMs;
                counts[b] = s.Size == 0 ? 0 : counts[b] / (s.Size * binMs / 1000.0);
            }

            var line = rate.Add.ScatterLine(centers, counts, color);
            line.LegendText = s.Name;
            offset += s.Size;
        }

        raster.Title(title + (stride > 1 ? $" (every {stride}th spike shown)" : ""));
        raster.YLabel("neuron");
        raster.Axes.SetLimits(0, durationMs, 0, Math.Max(offset, 1));
        raster.ShowLegend(Alignment.UpperRight);
        rate.XLabel("time (ms)");
        rate.YLabel($"rate (Hz, {binMs:g3} ms bins)");
        rate.Axes.SetLimitsX(0, durationMs);
        rate.Axes.AutoScaleY();
        multiplot.SharedAxes.ShareX([raster, rate]);
        multiplot.SavePng(path, 1200, 760);
    }
}
