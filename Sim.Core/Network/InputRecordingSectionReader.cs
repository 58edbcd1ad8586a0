using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>Reads "inputs[]" and "recording".</summary>
internal sealed class InputRecordingSectionReader(LoadContext c)
{
    private readonly SpecReader r = c.Reader;

    public InputSpec? ReadInput(JsonObject obj, string path, int index)
    {
        r.AllowOnly(obj, path, "kind", "target", "amplitude", "start", "stop", "neurons");
        string? kind = r.GetChoice(obj, path, "kind", [.. InputSpec.Kinds]);
        string? target = r.GetString(obj, path, "target");
        var population = c.FindPopulation(target, SpecPath.Property(path, "target"));
        if (population is not null && population.Kind.Family != NeuronFamily.Spiking)
        {
            r.Error(SpecPath.Property(path, "target"), "a current input needs a spiking population",
                $"{population.Name} (kind {population.Kind.Name})");
        }

        double? amplitude = r.GetQuantity(obj, path, "amplitude", Dimension.Current);
        double? start = r.GetQuantity(obj, path, "start", Dimension.Time, 0.0);
        double? stop = r.GetQuantity(obj, path, "stop", Dimension.Time, double.PositiveInfinity);
        if (start is double a && stop is double b && b <= a)
        {
            r.Error(SpecPath.Property(path, "stop"), $"must be after start ({Quantity.Format(a, Dimension.Time)})",
                Quantity.Format(b, Dimension.Time));
        }

        var neurons = c.ReadNeurons(obj, path, population);
        if (kind is null || target is null || amplitude is null || start is null || stop is null
            || (obj.ContainsKey("neurons") && neurons is null))
        {
            return null;
        }

        return new InputSpec(index, kind, target, amplitude.Value, start.Value, stop.Value, neurons);
    }

    public RecordingSpec ReadRecording(JsonObject root, SimulationSpec? simulation)
    {
        const string path = "$.recording";
        var obj = r.GetOptionalObject(root, SpecPath.Root, "recording");
        if (obj is null)
        {
            return RecordingSpec.None;
        }

        r.AllowOnly(obj, path, "spikes", "state");
        var spikes = new List<string>();
        var spikeArray = r.GetOptionalArray(obj, path, "spikes");
        for (int i = 0; i < (spikeArray?.Count ?? 0); i++)
        {
            string itemPath = SpecPath.Index("$.recording.spikes", i);
            if (r.ReadString(spikeArray![i], itemPath) is string name
                && c.FindPopulation(name, itemPath) is not null)
            {
                spikes.Add(name);
            }
        }

        var state = c.ReadList(obj, "state", required: false,
            (item, itemPath, _) => ReadStateRecording(item, itemPath, simulation), path);
        return new RecordingSpec(spikes.AsReadOnly(), state);
    }

    private StateRecordingSpec? ReadStateRecording(JsonObject obj, string path, SimulationSpec? simulation)
    {
        r.AllowOnly(obj, path, "population", "variables", "interval", "neurons");
        string? name = r.GetString(obj, path, "population");
        var population = c.FindPopulation(name, SpecPath.Property(path, "population"));
        var variables = new List<string>();
        string variablesPath = SpecPath.Property(path, "variables");
        var array = r.AsArray(obj["variables"], variablesPath);
        for (int i = 0; i < (array?.Count ?? 0); i++)
        {
            string itemPath = SpecPath.Index(variablesPath, i);
            if (r.ReadString(array![i], itemPath) is not string variable)
            {
                continue;
            }

            if (population is not null && population.Kind.FindState(variable) is null)
            {
                string known = string.Join(", ", population.Kind.StateVariables.Select(s => s.Name));
                r.Error(itemPath, $"unknown state variable of kind '{population.Kind.Name}' (known: {known})",
                    variable);
                continue;
            }

            variables.Add(variable);
        }

        double dt = simulation?.Dt ?? 0.1;
        double? interval = r.GetQuantity(obj, path, "interval", Dimension.Time, dt);
        if (interval is double step && (step <= 0 || !SimulationSpec.IsMultiple(step, dt)))
        {
            r.Error(SpecPath.Property(path, "interval"),
                $"must be a positive whole number of steps of dt ({Quantity.Format(dt, Dimension.Time)})",
                Quantity.Format(step, Dimension.Time));
        }

        var neurons = c.ReadNeurons(obj, path, population);
        if (name is null || population is null || interval is null || array is null)
        {
            return null;
        }

        return new StateRecordingSpec(name, variables.AsReadOnly(), interval.Value, neurons);
    }
}
