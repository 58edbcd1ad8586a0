using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroSim.Cli.Training;

/// <summary>
/// Writes DIR/metrics.json: run facts (network, data, seed, BLAS back end) and an "epochs" array of objects
/// with epoch, train_loss, train_accuracy, test_loss, test_accuracy, seconds and learning_rate. Rewritten after
/// every epoch (temp file + rename), so an interrupted run leaves what it finished.
/// </summary>
public static class MetricsFile
{
    /// <summary>Writes the file; <paramref name="facts"/> become top-level keys.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, JsonNode?> facts,
        IReadOnlyList<EpochMetrics> epochs)
    {
        var root = new JsonObject();
        foreach (var (key, value) in facts)
        {
            root[key] = value?.DeepClone();
        }

        var rows = new JsonArray();
        foreach (EpochMetrics e in epochs)
        {
            rows.Add(new JsonObject
            {
                ["epoch"] = e.Epoch,
                ["train_loss"] = e.TrainLoss,
                ["train_accuracy"] = e.TrainAccuracy,
                ["test_loss"] = e.TestLoss,
                ["test_accuracy"] = e.TestAccuracy,
                ["seconds"] = Math.Round(e.Seconds, 3),
                ["learning_rate"] = e.LearningRate,
            });
        }

        root["epochs"] = rows;
        string temp = path + ".tmp";
        File.WriteAllText(temp, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
