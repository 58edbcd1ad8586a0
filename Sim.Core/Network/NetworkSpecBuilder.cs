using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Reads one file's sections with a shared <see cref="SpecReader"/>; the records it builds are the validated
/// copy that <see cref="NetworkLoader"/> returns only when no error was recorded.
/// </summary>
internal sealed class NetworkSpecBuilder(SpecReader r, NetworkLoadOptions options, string fileName, string text)
{
    private static readonly string[] Engines = ["clock", "event"];
    private static readonly string[] Timings = ["grid", "exact"];
    private static readonly string[] Precisions = ["float32", "float64"];

    private readonly LoadContext c = new(r, options);

    public NetworkSpec? Build(JsonObject root)
    {
        var populations = new PopulationSectionReader(c);
        var projections = new ProjectionSectionReader(c);
        var io = new InputRecordingSectionReader(c);
        r.AllowOnly(root, SpecPath.Root, NetworkLoader.TopLevelKeys);
        string name = r.GetString(root, SpecPath.Root, "name", Path.GetFileNameWithoutExtension(fileName))
            ?? "";
        var simulation = ReadSimulation(root);
        var populationList = c.ReadList(root, "populations", required: true, populations.ReadPopulation);
        if (root["populations"] is JsonArray { Count: 0 })
        {
            r.Error("$.populations", "must hold at least one population", "[]");
        }

        var projectionList = c.ReadList(root, "projections", required: false,
            (obj, path, i) => projections.ReadProjection(obj, path, i, simulation));
        var inputs = c.ReadList(root, "inputs", required: false, io.ReadInput);
        var recording = io.ReadRecording(root, simulation);
        var training = ReadTraining(root);
        CheckSources(populationList, simulation);
        if (r.HasErrors || simulation is null)
        {
            return null;
        }

        return new NetworkSpec(name, fileName, text, simulation, populationList, projectionList, inputs, recording,
            training);
    }

    private SimulationSpec? ReadSimulation(JsonObject root)
    {
        const string path = "$.simulation";
        var obj = root.ContainsKey("simulation") ? r.AsObject(root["simulation"], path) : [];
        if (obj is null)
        {
            return null;
        }

        r.AllowOnly(obj, path, "dt", "duration", "seed", "engine", "timing", "precision");
        double? dt = c.Positive(obj, path, "dt", Dimension.Time, 0.1);
        double? duration = c.Positive(obj, path, "duration", Dimension.Time, 1000.0);
        long? seed = r.GetInteger(obj, path, "seed", 0, 0);
        string? engine = r.GetChoice(obj, path, "engine", Engines, "clock");
        string? timing = r.GetChoice(obj, path, "timing", Timings, "grid");
        string? precision = r.GetChoice(obj, path, "precision", Precisions, "float32");
        if (dt is null || duration is null || seed is null || engine is null || timing is null || precision is null)
        {
            return null;
        }

        if (timing == "exact" && engine != "event")
        {
            r.Error(SpecPath.Property(path, "timing"),
                "exact timing needs the event engine (\"engine\": \"event\"); the clock engine works on the grid",
                timing);
            return null;
        }

        if (dt.Value < NetworkLimits.MinDtMs)
        {
            r.Error(SpecPath.Property(path, "dt"),
                $"too small: must be >= {Quantity.Format(NetworkLimits.MinDtMs, Dimension.Time)}",
                Quantity.Format(dt.Value, Dimension.Time));
            return null;
        }

        if (dt.Value > duration.Value)
        {
            r.Error(SpecPath.Property(path, "dt"),
                $"must not exceed the duration ({Quantity.Format(duration.Value, Dimension.Time)}): "
                + "the run would have no step", Quantity.Format(dt.Value, Dimension.Time));
            return null;
        }

        if (duration.Value / dt.Value > NetworkLimits.MaxSteps)
        {
            r.Error(SpecPath.Property(path, "duration"), $"too long: at most {NetworkLimits.MaxSteps} steps of dt "
                + $"({Quantity.Format(dt.Value, Dimension.Time)})", Quantity.Format(duration.Value, Dimension.Time));
            return null;
        }

        if (!SimulationSpec.IsMultiple(duration.Value, dt.Value))
        {
            r.Error(SpecPath.Property(path, "duration"),
                $"must be a whole number of steps of dt ({Quantity.Format(dt.Value, Dimension.Time)})",
                Quantity.Format(duration.Value, Dimension.Time));
        }

        return new SimulationSpec(dt.Value, duration.Value, seed.Value,
            engine == "event" ? EngineKind.Event : EngineKind.Clock,
            timing == "exact" ? EventTiming.Exact : EventTiming.Grid,
            precision == "float64" ? Precision.Float64 : Precision.Float32);
    }

    private JsonObject? ReadTraining(JsonObject root)
    {
        var training = r.GetOptionalObject(root, SpecPath.Root, "training");
        if (training is not null)
        {
            c.Options.Training?.Invoke(r, training, "$.training");
        }

        return training?.DeepClone().AsObject(); // detached: owners may move or edit it freely
    }

    private void CheckSources(IReadOnlyList<PopulationSpec> populations, SimulationSpec? simulation)
    {
        if (simulation is null)
        {
            return;
        }

        foreach (var population in populations)
        {
            bool source = population.Kind.Family == NeuronFamily.Source;
            if (source && population.Params.TryGetValue("rate", out double rate)
                && rate * simulation.Dt / 1000.0 > 1.0 + 1e-12)
            {
                r.Error($"$.populations[{population.Index}].params.rate",
                    $"must be <= 1/dt ({1000.0 / simulation.Dt:R} Hz at dt = {simulation.Dt:R} ms)",
                    Quantity.Format(rate, Dimension.Frequency));
            }
        }
    }
}
