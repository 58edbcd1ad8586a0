using System.Text.Json.Nodes;
using NeuroSim.Core.Network;
using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Grapes;
using NeuroSim.Learning.Losses;
using NeuroSim.Learning.Optimizers;

namespace NeuroSim.Learning.Ann;

/// <summary>
/// Reads the network file's "training" section with the loader's <see cref="SpecReader"/>, so that its mistakes
/// are reported with the rest of the file (file, line, JSON path, rule, value). Shape (every key optional):
/// <code>
/// "training": { "epochs": 20, "batch_size": 64, "seed": 1, "loss": "cross_entropy" | "mse",
///   "optimizer": { "kind": "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam", "lr": 0.01, "momentum": 0.9,
///                  "betas": [0.9, 0.999], "rho": 0.9, "eps": 1e-8,
///                  "schedule": { "kind": "step", "step_epochs": 10, "gamma": 0.1 } },
///   "signal": "backprop" | "feedback_alignment" | "dfa",
///   "grapes": { "enabled": false, "version": "propagating" | "local" },
///   "dropout": 0.1,
///   "data": { "set": "mnist-sample" | "fashion-mnist" | "FOLDER", "train_limit": N, "test_limit": N },
///   "checkpoint": { "every_epochs": 5 } }
/// </code>
/// Other projects that share the section (spiking training) add their own keys to <see cref="ExtraKeys"/>.
/// </summary>
public static class TrainingSectionReader
{
    private static readonly string[] Keys =
        ["epochs", "batch_size", "seed", "loss", "optimizer", "signal", "grapes", "dropout", "data", "checkpoint"];

    /// <summary>Keys read by other owners of the training section; accepted here without checks.</summary>
    public static HashSet<string> ExtraKeys { get; } = [];

    /// <summary>A <see cref="SectionValidator"/> for <see cref="NetworkLoadOptions.Training"/>.</summary>
    public static void Validate(SpecReader reader, JsonObject section, string path) => Read(reader, section, path);

    /// <summary>Reads the section; null (errors recorded in <paramref name="reader"/>) when invalid.</summary>
    public static AnnTrainingSpec? Read(SpecReader reader, JsonObject? section, string path = "$.training")
    {
        section ??= [];
        int before = reader.Errors.Count;
        reader.AllowOnly(section, path, [.. Keys, .. ExtraKeys]);
        long? epochs = reader.GetInteger(section, path, "epochs", 10, 1, 100_000);
        long? batch = reader.GetInteger(section, path, "batch_size", 64, 1, 1 << 20);
        long? seed = reader.GetInteger(section, path, "seed", 1, 0);
        string? loss = reader.GetChoice(section, path, "loss", ["cross_entropy", "mse"], "cross_entropy");
        string? signal = reader.GetChoice(section, path, "signal", ["backprop", "feedback_alignment", "dfa"],
            "backprop");
        double? dropout = reader.GetNumber(section, path, "dropout", 0, 0, 0.95);
        OptimizerSettings? optimizer = ReadOptimizer(reader, reader.GetOptionalObject(section, path, "optimizer"),
            SpecPath.Property(path, "optimizer"));
        GrapesSettings? grapes = ReadGrapes(reader, reader.GetOptionalObject(section, path, "grapes"),
            SpecPath.Property(path, "grapes"));
        AnnDataSpec? data = ReadData(reader, reader.GetOptionalObject(section, path, "data"),
            SpecPath.Property(path, "data"));
        long? every = 0;
        JsonObject? checkpoint = reader.GetOptionalObject(section, path, "checkpoint");
        if (checkpoint is not null)
        {
            string cpPath = SpecPath.Property(path, "checkpoint");
            reader.AllowOnly(checkpoint, cpPath, "every_epochs");
            every = reader.GetInteger(checkpoint, cpPath, "every_epochs", 0, 0, 100_000);
        }

        if (reader.Errors.Count > before || optimizer is null || grapes is null || data is null)
        {
            return null;
        }

        var options = new AnnTrainingOptions
        {
            BatchSize = (int)batch!.Value,
            Seed = (ulong)seed!.Value,
            Loss = loss == "mse" ? LossKind.MeanSquaredError : LossKind.SoftmaxCrossEntropy,
            Signal = signal switch
            {
                "feedback_alignment" => LearningSignal.FeedbackAlignment,
                "dfa" => LearningSignal.DirectFeedbackAlignment,
                _ => LearningSignal.Backprop,
            },
            Grapes = grapes,
            Optimizer = optimizer,
            Dropout = (float)dropout!.Value,
        };
        return new AnnTrainingSpec((int)epochs!.Value, options, data, (int)every!.Value);
    }

    private static OptimizerSettings? ReadOptimizer(SpecReader reader, JsonObject? o, string path)
    {
        if (o is null)
        {
            return new OptimizerSettings();
        }

        reader.AllowOnly(o, path, "kind", "lr", "momentum", "betas", "rho", "eps", "schedule");
        string? kind = reader.GetChoice(o, path, "kind", ["sgd", "momentum", "nesterov", "rmsprop", "adam"], "sgd");
        double? lr = reader.GetNumber(o, path, "lr", 0.01, 0, 10);
        double? momentum = reader.GetNumber(o, path, "momentum", 0.9, 0, 1);
        double? rho = reader.GetNumber(o, path, "rho", 0.9, 0, 1);
        double? eps = reader.GetNumber(o, path, "eps", 1e-8, 0, 1);
        double beta1 = 0.9, beta2 = 0.999;
        JsonArray? betas = reader.GetOptionalArray(o, path, "betas");
        if (betas is not null)
        {
            string betasPath = SpecPath.Property(path, "betas");
            if (betas.Count != 2 || betas.Any(b => b is not JsonValue v || !v.TryGetValue(out double x) || x < 0 ||
                x >= 1))
            {
                reader.Error(betasPath, "must be two numbers in [0, 1)", SpecReader.Describe(betas));
            }
            else
            {
                beta1 = betas[0]!.GetValue<double>();
                beta2 = betas[1]!.GetValue<double>();
            }
        }

        long? stepEpochs = 0;
        double? gamma = 0.1;
        JsonObject? schedule = reader.GetOptionalObject(o, path, "schedule");
        if (schedule is not null)
        {
            string sPath = SpecPath.Property(path, "schedule");
            reader.AllowOnly(schedule, sPath, "kind", "step_epochs", "gamma");
            reader.GetChoice(schedule, sPath, "kind", ["step"], "step");
            stepEpochs = reader.GetInteger(schedule, sPath, "step_epochs", null, 1, 100_000);
            gamma = reader.GetNumber(schedule, sPath, "gamma", 0.1, 0, 1);
        }

        if (kind is null || lr is null || momentum is null || rho is null || eps is null || stepEpochs is null ||
            gamma is null)
        {
            return null;
        }

        return new OptimizerSettings
        {
            Kind = kind switch
            {
                "momentum" => OptimizerKind.Momentum,
                "nesterov" => OptimizerKind.Nesterov,
                "rmsprop" => OptimizerKind.RmsProp,
                "adam" => OptimizerKind.Adam,
                _ => OptimizerKind.Sgd,
            },
            LearningRate = (float)lr.Value,
            Momentum = (float)momentum.Value,
            Rho = (float)rho.Value,
            Epsilon = (float)eps.Value,
            Beta1 = (float)beta1,
            Beta2 = (float)beta2,
            StepEpochs = (int)stepEpochs.Value,
            Gamma = (float)gamma.Value,
        };
    }

    private static GrapesSettings? ReadGrapes(SpecReader reader, JsonObject? g, string path)
    {
        if (g is null)
        {
            return GrapesSettings.Off;
        }

        reader.AllowOnly(g, path, "enabled", "version");
        bool? enabled = reader.GetBool(g, path, "enabled", true);
        string? version = reader.GetChoice(g, path, "version", ["propagating", "local"], "propagating");
        if (enabled is null || version is null)
        {
            return null;
        }

        return new GrapesSettings
        {
            Enabled = enabled.Value,
            Version = version == "local" ? GrapesVersion.Local : GrapesVersion.Propagating,
        };
    }

    private static AnnDataSpec? ReadData(SpecReader reader, JsonObject? d, string path)
    {
        if (d is null)
        {
            return new AnnDataSpec();
        }

        reader.AllowOnly(d, path, "set", "train_limit", "test_limit");
        string? set = reader.GetString(d, path, "set", "mnist-sample");
        long? trainLimit = d.ContainsKey("train_limit") ? reader.GetInteger(d, path, "train_limit", null, 1) : -1;
        long? testLimit = d.ContainsKey("test_limit") ? reader.GetInteger(d, path, "test_limit", null, 1) : -1;
        if (set is null || trainLimit is null || testLimit is null)
        {
            return null;
        }

        return new AnnDataSpec
        {
            Set = set,
            TrainLimit = trainLimit < 0 ? null : (int)trainLimit,
            TestLimit = testLimit < 0 ? null : (int)testLimit,
        };
    }
}
