namespace NeuroSim.Cli.Training;

/// <summary>Draws test and training accuracy (%) against epoch into a PNG with ScottPlot.</summary>
public static class AccuracyPlot
{
    /// <summary>Writes the plot of <paramref name="epochs"/> to <paramref name="path"/> (800 × 500 pixels).</summary>
    public static void Save(string path, string title, IReadOnlyList<EpochMetrics> epochs)
    {
        var plot = new ScottPlot.Plot();
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        var test = plot.Add.Scatter(x, epochs.Select(e => 100 * e.TestAccuracy).ToArray());
        test.LegendText = "test";
        var train = plot.Add.Scatter(x, epochs.Select(e => 100 * e.TrainAccuracy).ToArray());
        train.LegendText = "train (running, with dropout)";
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");
        plot.ShowLegend();
        plot.SavePng(path, 800, 500);
    }
}
