using System.Text.Json.Nodes;
using NeuroSim.Core.Network;
using NeuroSim.Core.Units;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Feedback;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// Reads the "training" section in SNN mode. The keys shared with ANN mode (epochs, batch_size, seed, optimizer,
/// grapes, data) are read by ann's <see cref="TrainingSectionReader"/>; this reader adds "mode" and the "snn"
/// object, and records errors with the loader's <see cref="SpecReader"/> (file, line, JSON path, rule, value):
/// <code>
/// "training": { "mode": "snn", "epochs": 5, "batch_size": 128, "seed": 1,
///   "optimizer": { "kind": "adam", "lr": 5e-4 }, "grapes": { "enabled": true }, "data": { "set": "mnist-sample" },
///   "snn": { "steps": 25,
///            "encoder": { "kind": "poisson" | "regular" | "latency", "max_rate": "1000 Hz", "seed": 7 },
///            "loss": "count_cross_entropy" | "rate_mse" | "membrane_mse" | "membrane_cross_entropy",
///            "surrogate": { "kind": "fast_sigmoid" | "tanh" | "arctan" | "triangle" | "sigmoid", "scale": 25 },
///            "reset": "subtract" | "zero", "train_threshold": false, "truncation": 0,
///            "threads": 2, "chunk_size": 16, "target_rates": [1.0, 0.0] } }
/// </code>
/// ANN-only settings that BPTT does not implement (signal other than backprop, dropout, GRAPES
/// local version) are errors in SNN mode rather than silently ignored.
/// </summary>
public static class SnnTrainingReader
{
    private static readonly string[] SnnKeys =
    [
        "steps", "encoder", "loss", "surrogate", "reset", "train_threshold", "truncation", "threads", "chunk_size",
        "target_rates",
    ];

    private static readonly string[] Losses =
        ["count_cross_entropy", "rate_mse", "membrane_mse", "membrane_cross_entropy"];

    static SnnTrainingReader()
    {
        TrainingSectionReader.ExtraKeys.Add("mode");
        TrainingSectionReader.ExtraKeys.Add("snn");
    }

    /// <summary>
    /// Loader options for files that may be spiking: the default catalogue (which holds the trainable spiking
    /// kinds) and a training validator that reads SNN sections with this reader and all others with ann's.
    /// </summary>
    public static NetworkLoadOptions LoadOptions() => new() { Training = Validate };

    /// <summary>True when the section says "mode": "snn".</summary>
    public static bool IsSnn(JsonObject? section) =>
        section?["mode"] is JsonValue v && v.TryGetValue(out string? mode) && mode == "snn";

    /// <summary>A <see cref="SectionValidator"/>: SNN sections here, others by ann's reader.</summary>
    public static void Validate(SpecReader reader, JsonObject section, string path)
    {
        if (IsSnn(section))
        {
            Read(reader, section, path);
            return;
        }

        reader.GetChoice(section, path, "mode", ["ann", "snn"], "ann");
        if (section.ContainsKey("snn"))
        {
            reader.Error(SpecPath.Property(path, "snn"), "only allowed with \"mode\": \"snn\"", "snn");
        }

        TrainingSectionReader.Validate(reader, section, path);
    }

    /// <summary>Reads an SNN section; null (errors recorded) when invalid.</summary>
    public static SnnTrainingSpec? Read(SpecReader reader, JsonObject? section, string path = "$.training")
    {
        section ??= [];
        int before = reader.Errors.Count;
        AnnTrainingSpec? common = TrainingSectionReader.Read(reader, section, path);
        if (common is not null)
        {
            CheckAnnOnly(reader, common, path);
        }

        string snnPath = SpecPath.Property(path, "snn");
        JsonObject snn = reader.GetOptionalObject(section, path, "snn") ?? [];
        reader.AllowOnly(snn, snnPath, SnnKeys);
        long? steps = reader.GetInteger(snn, snnPath, "steps", 25, 1, 100_000);
        string? loss = reader.GetChoice(snn, snnPath, "loss", Losses, "count_cross_entropy");
        string? reset = reader.GetChoice(snn, snnPath, "reset", ["subtract", "zero"], "subtract");
        bool? trainThreshold = reader.GetBool(snn, snnPath, "train_threshold", false);
        long? truncation = reader.GetInteger(snn, snnPath, "truncation", 0, 0, 100_000);
        long? threads = reader.GetInteger(snn, snnPath, "threads", Environment.ProcessorCount, 1, 1024);
        long? chunk = reader.GetInteger(snn, snnPath, "chunk_size", 16, 1, 1 << 20);
        var (on, off) = ReadTargets(reader, snn, snnPath);
        var encoder = ReadEncoder(reader, reader.GetOptionalObject(snn, snnPath, "encoder") ?? [],
            SpecPath.Property(snnPath, "encoder"));
        var (surrogate, scale) = ReadSurrogate(reader, reader.GetOptionalObject(snn, snnPath, "surrogate") ?? [],
            SpecPath.Property(snnPath, "surrogate"));
        if (reader.Errors.Count > before || common is null || encoder is null || surrogate is null)
        {
            return null;
        }

        var bptt = new BpttOptions((int)steps!.Value, ParseLoss(loss!), (int)truncation!.Value, (int)threads!.Value,
            (int)chunk!.Value, on, off);
        var options = new SpikingTrainingOptions
        {
            BatchSize = common.Options.BatchSize,
            Seed = common.Options.Seed,
            Optimizer = common.Options.Optimizer,
            Grapes = common.Options.Grapes,
            Bptt = bptt,
        };
        return new SnnTrainingSpec(common.Epochs, options, common.Data, encoder, surrogate, scale,
            reset == "zero" ? ResetMode.Zero : ResetMode.Subtract, trainThreshold!.Value, common.CheckpointEvery);
    }

    private static void CheckAnnOnly(SpecReader reader, AnnTrainingSpec common, string path)
    {
        if (common.Options.Signal != LearningSignal.Backprop)
        {
            reader.Error(SpecPath.Property(path, "signal"), "SNN mode trains by BPTT: signal must be backprop",
                common.Options.Signal.ToString());
        }

        if (common.Options.Dropout > 0)
        {
            reader.Error(SpecPath.Property(path, "dropout"), "dropout is not implemented in SNN mode",
                common.Options.Dropout.ToString("G"));
        }

        if (common.Options.Grapes.Enabled && common.Options.Grapes.Version != Grapes.GrapesVersion.Propagating)
        {
            reader.Error(SpecPath.Property(SpecPath.Property(path, "grapes"), "version"),
                "spiking layers implement the propagating version only", "local");
        }
    }

    private static SnnEncoderSpec? ReadEncoder(SpecReader reader, JsonObject o, string path)
    {
        reader.AllowOnly(o, path, "kind", "max_rate", "seed");
        string? kind = reader.GetChoice(o, path, "kind", ["poisson", "regular", "latency"], "poisson");
        double? rate = reader.GetQuantity(o, path, "max_rate", Dimension.Frequency, 1000.0);
        long? seed = reader.GetInteger(o, path, "seed", 1, 0);
        if (rate is <= 0)
        {
            reader.Error(SpecPath.Property(path, "max_rate"), "must be > 0 Hz", $"{rate} Hz");
        }

        return kind is null || rate is null || seed is null
            ? null
            : new SnnEncoderSpec(kind, rate.Value, 1.0, (ulong)seed.Value);
    }

    private static (string? Kind, float? Scale) ReadSurrogate(SpecReader reader, JsonObject o, string path)
    {
        reader.AllowOnly(o, path, "kind", "scale");
        string? kind = reader.GetChoice(o, path, "kind", [.. SurrogateCatalog.Names], "fast_sigmoid");
        double? scale = o.ContainsKey("scale") ? reader.GetNumber(o, path, "scale", null, 1e-6, 1e6) : -1;
        return (kind, scale is null or < 0 ? null : (float)scale.Value);
    }

    private static (float On, float Off) ReadTargets(SpecReader reader, JsonObject o, string path)
    {
        JsonArray? targets = reader.GetOptionalArray(o, path, "target_rates");
        if (targets is null)
        {
            return (1f, 0f);
        }

        if (targets.Count != 2 || targets.Any(t => t is not JsonValue v || !v.TryGetValue(out double _)))
        {
            reader.Error(SpecPath.Property(path, "target_rates"), "must be two numbers [on, off]",
                SpecReader.Describe(targets));
            return (1f, 0f);
        }

        return ((float)targets[0]!.GetValue<double>(), (float)targets[1]!.GetValue<double>());
    }

    private static SpikingLoss ParseLoss(string name) => name switch
    {
        "rate_mse" => SpikingLoss.RateMse,
        "membrane_mse" => SpikingLoss.MembraneMse,
        "membrane_cross_entropy" => SpikingLoss.MembraneCrossEntropy,
        _ => SpikingLoss.CountCrossEntropy,
    };
}
