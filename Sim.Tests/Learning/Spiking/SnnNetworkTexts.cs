namespace NeuroSim.Tests.Learning.Spiking;

/// <summary>Small SNN network files for reader and builder tests; <c>{TRAINING}</c> is replaced by the
/// section.</summary>
internal static class SnnNetworkTexts
{
    public const string Template = """
        {
          "name": "tiny-snn",
          "simulation": { "dt": "1 ms", "duration": "10 ms", "seed": 1 },
          "populations": [
            { "name": "in", "size": 6, "kind": "input" },
            { "name": "h", "size": 5, "kind": "leaky", "params": { "tau_m": "10 ms", "threshold": 0.5 } },
            { "name": "out", "size": 3, "kind": "snu", "params": { "decay": 0.7 } },
          ],
          "projections": [
            { "name": "in_h", "source": "in", "target": "h", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" }, "bias": true },
            { "name": "h_h", "source": "h", "target": "h", "connect": { "rule": "all_to_all", "allow_self": false },
              "weight": { "init": "uniform_fan_in" } },
            { "name": "h_out", "source": "h", "target": "out", "connect": { "rule": "all_to_all" },
              "weight": { "init": "uniform_fan_in" } },
          ],
          "training": {TRAINING},
        }
        """;

    public const string ValidTraining = """
        { "mode": "snn", "epochs": 2, "batch_size": 8, "seed": 3, "optimizer": { "kind": "adam", "lr": 0.001 },
          "grapes": { "enabled": true },
          "snn": { "steps": 10, "encoder": { "kind": "regular", "max_rate": "500 Hz", "seed": 4 },
                   "loss": "rate_mse", "surrogate": { "kind": "arctan", "scale": 3 }, "reset": "zero",
                   "train_threshold": true, "truncation": 5, "threads": 2, "chunk_size": 4,
                   "target_rates": [0.8, 0.1] } }
        """;

    public static string With(string training) => Template.Replace("{TRAINING}", training);
}
