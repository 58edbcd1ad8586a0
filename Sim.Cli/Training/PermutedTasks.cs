using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroSim.Core.Network;
using NeuroSim.Encoders.Data;
using NeuroSim.Learning;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Training;

/// <summary>
/// The catastrophic-forgetting protocol of the GRAPES paper (docs/grapes.md): tasks are pixel-permuted versions of
/// one data set (task 1 unpermuted, tasks 2..N with permutations drawn from the training seed), learned one after
/// the other for the file's epochs each. After each task the network is tested on every task's test set, giving
/// the accuracy matrix A[i][j] (after task i, on task j); the forgetting of task j is A[j][j] − A[N][j], averaged
/// over tasks 1..N−1. Results go to metrics.json ("tasks") beside the usual "epochs" rows.
/// </summary>
public static class PermutedTasks
{
    /// <summary>Runs the protocol and writes DIR/metrics.json; returns the exit code.</summary>
    public static int Run(string outDir, NetworkSpec spec, AnnNetwork network, AnnTrainingSpec training,
        DataSet train, DataSet test, int taskCount, Dictionary<string, JsonNode?> facts)
    {
        var permutations = Permutations(train.Features, taskCount, training.Options.Seed);
        var tests = permutations.Select((p, j) => test.Permuted(p, $"task {j + 1} test")).ToArray();
        var trainer = new AnnTrainer(network, training.Options);
        var accuracy = new double[taskCount][];
        var rows = new List<EpochMetrics>();
        string metricsPath = Path.Combine(outDir, "metrics.json");
        int epoch = 0;
        Console.WriteLine($"{spec.Name}: {taskCount} permuted tasks x {training.Epochs} epoch(s), " +
            $"{train.Count} training samples each");
        try
        {
            for (int i = 0; i < taskCount; i++)
            {
                DataSet task = train.Permuted(permutations[i], $"task {i + 1}");
                for (int e = 0; e < training.Epochs; e++, epoch++)
                {
                    var clock = Stopwatch.StartNew();
                    var (loss, acc) = trainer.TrainEpoch(task, epoch);
                    var (testLoss, testAcc) = trainer.Evaluate(tests[i]);
                    rows.Add(new EpochMetrics(epoch + 1, loss, acc, testLoss, testAcc, clock.Elapsed.TotalSeconds,
                        trainer.Optimizer.CurrentLearningRate));
                }

                accuracy[i] = tests.Select(t => trainer.Evaluate(t).Accuracy).ToArray();
                Console.WriteLine($"after task {i + 1}: " +
                    string.Join("  ", accuracy[i].Select((a, j) => $"T{j + 1} {100 * a:F2}%")));
            }
        }
        catch (TrainingDivergedException ex)
        {
            Console.Error.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.Diverged;
        }

        var forgetting = Enumerable.Range(0, taskCount - 1).Select(j => accuracy[j][j] - accuracy[^1][j]).ToArray();
        double mean = forgetting.Average();
        Console.WriteLine($"mean forgetting (tasks 1..{taskCount - 1}): {100 * mean:F2} points");
        facts["tasks"] = new JsonObject
        {
            ["count"] = taskCount,
            ["accuracy"] = new JsonArray(accuracy.Select(r => (JsonNode)new JsonArray(
                r.Select(a => (JsonNode)JsonValue.Create(a)).ToArray())).ToArray()),
            ["forgetting"] = new JsonArray(forgetting.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
            ["mean_forgetting"] = mean,
        };
        MetricsFile.Write(metricsPath, facts, rows);
        return ExitCodes.Ok;
    }

    private static int[][] Permutations(int features, int count, ulong seed)
    {
        var random = new TrainingRandom(seed ^ 0x7A5CUL);
        var result = new int[count][];
        for (int t = 0; t < count; t++)
        {
            result[t] = Enumerable.Range(0, features).ToArray();
            if (t > 0)
            {
                random.Shuffle(result[t]);
            }
        }

        return result;
    }
}
