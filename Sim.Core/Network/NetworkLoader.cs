using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroSim.Core.Units;

namespace NeuroSim.Core.Network;

/// <summary>
/// Loads and validates a network definition file (JSON, comments and trailing commas allowed) into an
/// immutable <see cref="NetworkSpec"/>. Every problem in the file is collected and reported at once in a
/// <see cref="NetworkValidationException"/>; a spec is returned only when there is none.
/// </summary>
/// <remarks>
/// Order of work: (1) a line pass over the text (<see cref="SpecLineMap"/>) that also catches syntax errors
/// and duplicate keys; (2) parse to nodes; (3) read each section with one <see cref="SpecReader"/>, building
/// new records as it goes; (4) cross-section checks (names exist, sizes match, delays fit dt); (5) owners'
/// validators for training and plasticity; (6) throw if any error was recorded, else return the spec.
/// </remarks>
public static class NetworkLoader
{
    /// <summary>Top-level keys the format defines ("$schema" and "description" are for editors and people).</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["$schema", "name", "description", "simulation", "populations", "projections", "inputs", "recording",
            "training"];

    /// <summary>Loads the file at <paramref name="path"/>; the file name in errors is the path as given.</summary>
    public static NetworkSpec Load(string path, NetworkLoadOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetworkValidationException([new SpecError(path, SpecPath.Root, null, "cannot read the file",
                ex.Message)]);
        }

        return LoadFromText(text, path, options);
    }

    /// <summary>Loads a network from JSON text; <paramref name="fileName"/> names it in errors.</summary>
    public static NetworkSpec LoadFromText(string text, string fileName, NetworkLoadOptions? options = null)
    {
        options ??= NetworkLoadOptions.Default;
        var (root, lines) = Parse(text, fileName);
        var reader = new SpecReader(fileName, lines);
        foreach (var (path, _) in lines.DuplicateKeys)
        {
            reader.Error(path, "duplicate key (each key may appear once per object)");
        }

        var rootObject = reader.AsObject(root, SpecPath.Root);
        if (rootObject is null)
        {
            reader.ThrowIfErrors();
        }

        var spec = new SpecBuilder(reader, options, fileName, text).Build(rootObject!);
        reader.ThrowIfErrors();
        return spec!;
    }

    private static (JsonNode? Root, SpecLineMap Lines) Parse(string text, string fileName)
    {
        try
        {
            var lines = SpecLineMap.Build(text);
            var documentOptions = new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            var root = lines.DuplicateKeys.Count > 0 ? null : JsonNode.Parse(text, null, documentOptions);
            if (lines.DuplicateKeys.Count > 0)
            {
                var reader = new SpecReader(fileName, lines);
                foreach (var (path, _) in lines.DuplicateKeys)
                {
                    reader.Error(path, "duplicate key (each key may appear once per object)");
                }

                reader.ThrowIfErrors();
            }

            return (root, lines);
        }
        catch (JsonException ex)
        {
            int? line = ex.LineNumber is long l ? (int)l + 1 : null;
            string rule = "invalid JSON: " + FirstSentence(ex.Message);
            throw new NetworkValidationException([new SpecError(fileName, ex.Path ?? SpecPath.Root, line, rule, null)]);
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Reads one file's sections with a shared reader; the records it builds are the "copy".</summary>
    private sealed class SpecBuilder(SpecReader r, NetworkLoadOptions options, string fileName, string text)
    {
        private static readonly string[] PopulationKeys = ["name", "size", "kind", "params", "init"];
        private static readonly string[] ProjectionKeys =
            ["name", "source", "target", "receptor", "connect", "weight", "bias", "delay", "plasticity"];
        private static readonly string[] Engines = ["clock", "event"];
        private static readonly string[] Receptors = ["exc", "inh"];
        private static readonly string[] Rules = ["all_to_all", "one_to_one", "fixed_probability", "list"];

        private readonly Dictionary<string, PopulationSpec> _populations = new(StringComparer.Ordinal);

        public NetworkSpec? Build(JsonObject root)
        {
            r.AllowOnly(root, SpecPath.Root, TopLevelKeys);
            string name = r.GetString(root, SpecPath.Root, "name", Path.GetFileNameWithoutExtension(fileName))
                ?? "";
            var simulation = ReadSimulation(root);
            var populations = ReadList(root, "populations", required: true, ReadPopulation);
            var projections = ReadList(root, "projections", required: false,
                (obj, path, i) => ReadProjection(obj, path, i, simulation));
            var inputs = ReadList(root, "inputs", required: false, ReadInput);
            var recording = ReadRecording(root, simulation);
            var training = ReadTraining(root);
            CheckSources(populations, simulation);
            if (r.HasErrors || simulation is null)
            {
                return null;
            }

            return new NetworkSpec(name, fileName, text, simulation, populations, projections, inputs, recording,
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

            r.AllowOnly(obj, path, "dt", "duration", "seed", "engine");
            double? dt = Positive(obj, path, "dt", Dimension.Time, 0.1);
            double? duration = Positive(obj, path, "duration", Dimension.Time, 1000.0);
            long? seed = r.GetInteger(obj, path, "seed", 0, 0);
            string? engine = r.GetChoice(obj, path, "engine", Engines, "clock");
            if (dt is null || duration is null || seed is null || engine is null)
            {
                return null;
            }

            if (!SimulationSpec.IsMultiple(duration.Value, dt.Value))
            {
                r.Error(SpecPath.Property(path, "duration"),
                    $"must be a whole number of steps of dt ({Quantity.Format(dt.Value, Dimension.Time)})",
                    Quantity.Format(duration.Value, Dimension.Time));
            }

            return new SimulationSpec(dt.Value, duration.Value, seed.Value,
                engine == "event" ? EngineKind.Event : EngineKind.Clock);
        }

        private PopulationSpec? ReadPopulation(JsonObject obj, string path, int index)
        {
            r.AllowOnly(obj, path, PopulationKeys);
            string? name = r.GetString(obj, path, "name");
            long? size = r.GetInteger(obj, path, "size", null, 1, int.MaxValue);
            string? kindName = r.GetString(obj, path, "kind");
            NeuronKind? kind = null;
            if (kindName is not null && !options.Catalog.TryGet(kindName, out kind))
            {
                string known = string.Join(", ", options.Catalog.Kinds.Select(k => k.Name));
                r.Error(SpecPath.Property(path, "kind"), $"unknown neuron kind (known: {known})", kindName);
            }

            if (name is not null && _populations.ContainsKey(name))
            {
                r.Error(SpecPath.Property(path, "name"), "duplicate population name", name);
                name = null;
            }

            if (kind is null)
            {
                return null;
            }

            var parameters = ReadParams(obj, path, kind);
            var init = ReadInit(obj, path, kind);
            if (name is null || size is null || parameters is null || init is null)
            {
                return null;
            }

            var population = new PopulationSpec(index, name, (int)size.Value, kind,
                new ReadOnlyDictionary<string, double>(parameters), new ReadOnlyDictionary<string, InitSpec>(init));
            _populations[name] = population;
            return population;
        }

        private Dictionary<string, double>? ReadParams(JsonObject obj, string path, NeuronKind kind)
        {
            string paramsPath = SpecPath.Property(path, "params");
            var given = obj.ContainsKey("params") ? r.AsObject(obj["params"], paramsPath) : [];
            if (given is null)
            {
                return null;
            }

            int errorsBefore = r.Errors.Count;
            r.AllowOnly(given, paramsPath, kind.Parameters.Select(p => p.Name).ToArray());
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var parameter in kind.Parameters)
            {
                string keyPath = SpecPath.Property(paramsPath, parameter.Name);
                if (!given.ContainsKey(parameter.Name))
                {
                    if (parameter.Default is double fallback)
                    {
                        values[parameter.Name] = fallback;
                    }
                    else if (parameter.Required)
                    {
                        r.Error(keyPath, $"is required for kind '{kind.Name}' "
                            + $"({UnitTable.DimensionName(parameter.Dimension)})");
                    }

                    continue;
                }

                if (r.ReadQuantity(given[parameter.Name], keyPath, parameter.Dimension) is double value
                    && CheckRule(keyPath, value, parameter.Rule, parameter.Dimension))
                {
                    values[parameter.Name] = value;
                }
            }

            if (r.Errors.Count > errorsBefore)
            {
                return null;
            }

            var givenNames = given.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            kind.Check?.Invoke(values, givenNames, (param, rule, value) =>
                r.Error(SpecPath.Property(paramsPath, param), rule, value));
            return r.Errors.Count > errorsBefore ? null : values;
        }

        private Dictionary<string, InitSpec>? ReadInit(JsonObject obj, string path, NeuronKind kind)
        {
            string initPath = SpecPath.Property(path, "init");
            var given = obj.ContainsKey("init") ? r.AsObject(obj["init"], initPath) : [];
            if (given is null)
            {
                return null;
            }

            int errorsBefore = r.Errors.Count;
            var result = new Dictionary<string, InitSpec>(StringComparer.Ordinal);
            foreach (var (variable, node) in given)
            {
                string keyPath = SpecPath.Property(initPath, variable);
                var state = kind.FindState(variable);
                if (state is null)
                {
                    string known = kind.StateVariables.Count == 0
                        ? "none" : string.Join(", ", kind.StateVariables.Select(s => s.Name));
                    r.Error(keyPath, $"unknown state variable of kind '{kind.Name}' (known: {known})", variable);
                    continue;
                }

                if (ReadDistribution(node, keyPath, state.Dimension) is var (distribution, a, b))
                {
                    result[variable] = new InitSpec(distribution, a, b);
                }
            }

            return r.Errors.Count > errorsBefore ? null : result;
        }

        /// <summary>Reads "X", { "uniform": [lo, hi] } or { "normal": [mean, std] } of one dimension.</summary>
        private (InitKind, double, double)? ReadDistribution(JsonNode? node, string path, Dimension dimension)
        {
            if (node is not JsonObject obj)
            {
                return r.ReadQuantity(node, path, dimension) is double constant
                    ? (InitKind.Constant, constant, 0) : null;
            }

            var pair = ReadPair(obj, path, dimension, out string? which);
            if (pair is not var (a, b) || which is null)
            {
                return null;
            }

            return which == "uniform" ? (InitKind.Uniform, a.Value, b.Value) : (InitKind.Normal, a.Value, b.Value);
        }

        /// <summary>
        /// Reads a one-key object { "uniform" | "normal": [a, b] }. With a <paramref name="dimension"/> both
        /// values must have it; without one they may have any dimension (plain numbers included) but must agree.
        /// </summary>
        private (Quantity, Quantity)? ReadPair(JsonObject obj, string path, Dimension? dimension, out string? which)
        {
            which = null;
            if (obj.Count != 1 || !(obj.ContainsKey("uniform") || obj.ContainsKey("normal")))
            {
                r.Error(path, "must be a value or an object with one key, \"uniform\": [low, high] or "
                    + "\"normal\": [mean, std]", SpecReader.Describe(obj));
                return null;
            }

            which = obj.ContainsKey("uniform") ? "uniform" : "normal";
            string pairPath = SpecPath.Property(path, which);
            var array = r.AsArray(obj[which], pairPath);
            if (array is null)
            {
                return null;
            }

            if (array.Count != 2)
            {
                r.Error(pairPath, "must hold exactly two values", SpecReader.Describe(array));
                return null;
            }

            var a = ReadPairValue(array[0], SpecPath.Index(pairPath, 0), dimension);
            var b = ReadPairValue(array[1], SpecPath.Index(pairPath, 1), dimension);
            if (a is not Quantity first || b is not Quantity second)
            {
                return null;
            }

            if (first.Dimension != second.Dimension)
            {
                r.Error(pairPath, "both values must have the same dimension", SpecReader.Describe(array));
                return null;
            }

            if (which == "uniform" && first.Value > second.Value)
            {
                r.Error(pairPath, "low must not exceed high", SpecReader.Describe(array));
                return null;
            }

            if (which == "normal" && second.Value < 0)
            {
                r.Error(SpecPath.Index(pairPath, 1), "standard deviation must be >= 0", SpecReader.Describe(array[1]));
                return null;
            }

            return (first, second);
        }

        private Quantity? ReadPairValue(JsonNode? node, string path, Dimension? dimension)
        {
            if (dimension is Dimension d)
            {
                return r.ReadQuantity(node, path, d) is double value ? new Quantity(value, d) : null;
            }

            return node?.GetValueKind() == JsonValueKind.Number
                ? r.ReadAnyQuantity(node, path, Dimension.Dimensionless)
                : r.ReadAnyQuantity(node, path, Dimension.Voltage);
        }

        private ProjectionSpec? ReadProjection(JsonObject obj, string path, int index, SimulationSpec? simulation)
        {
            r.AllowOnly(obj, path, ProjectionKeys);
            string? source = r.GetString(obj, path, "source");
            string? target = r.GetString(obj, path, "target");
            var sourcePop = FindPopulation(source, SpecPath.Property(path, "source"));
            var targetPop = FindPopulation(target, SpecPath.Property(path, "target"));
            string? receptor = r.GetChoice(obj, path, "receptor", Receptors, "exc");
            string name = r.GetString(obj, path, "name", $"{source}_{target}") ?? "";
            var connect = ReadConnect(obj, path, index, simulation, sourcePop, targetPop);
            var weight = ReadWeight(obj, path, targetPop);
            bool? bias = r.GetBool(obj, path, "bias", false);
            double? delay = r.GetQuantity(obj, path, "delay", Dimension.Time, 0.0);
            var plasticity = ReadPlasticity(obj, path);
            CheckTargetReceives(targetPop, SpecPath.Property(path, "target"));
            if (delay is double d)
            {
                CheckDelay(d, SpecPath.Property(path, "delay"), simulation);
            }

            if (bias == true && weight is not null && weight.Dimension != Dimension.Dimensionless)
            {
                r.Error(SpecPath.Property(path, "bias"), "a bias needs dimensionless (ANN) weights", "true");
            }

            if (source is null || target is null || receptor is null || connect is null || weight is null
                || bias is null || delay is null)
            {
                return null;
            }

            return new ProjectionSpec(index, name, source, target,
                receptor == "inh" ? Receptor.Inhibitory : Receptor.Excitatory, connect, weight, bias.Value,
                delay.Value, plasticity);
        }

        private PopulationSpec? FindPopulation(string? name, string path)
        {
            if (name is null)
            {
                return null;
            }

            if (_populations.TryGetValue(name, out var population))
            {
                return population;
            }

            string known = string.Join(", ", _populations.Keys);
            r.Error(path, $"no population with this name (populations: {known})", name);
            return null;
        }

        private void CheckTargetReceives(PopulationSpec? target, string path)
        {
            if (target is not null && target.Kind.WeightDimensions.Count == 0)
            {
                r.Error(path, $"kind '{target.Kind.Name}' ({target.Kind.Family}) cannot receive projections",
                    target.Name);
            }
        }

        private void CheckDelay(double delay, string path, SimulationSpec? simulation)
        {
            if (delay < 0)
            {
                r.Error(path, "must be >= 0 ms", Quantity.Format(delay, Dimension.Time));
            }
            else if (simulation is { Engine: EngineKind.Clock } && !simulation.IsWholeSteps(delay))
            {
                r.Error(path, "must be a whole number of steps of dt "
                    + $"({Quantity.Format(simulation.Dt, Dimension.Time)}) for the clock engine",
                    Quantity.Format(delay, Dimension.Time));
            }
        }

        private ConnectSpec? ReadConnect(JsonObject obj, string path, int index, SimulationSpec? simulation,
            PopulationSpec? source, PopulationSpec? target)
        {
            string connectPath = SpecPath.Property(path, "connect");
            var connect = r.GetObject(obj, path, "connect");
            if (connect is null)
            {
                return null;
            }

            string? rule = r.GetChoice(connect, connectPath, "rule", Rules);
            if (rule is null)
            {
                return null;
            }

            r.AllowOnly(connect, connectPath, rule switch
            {
                "all_to_all" => ["rule", "allow_self"],
                "one_to_one" => ["rule"],
                "fixed_probability" => ["rule", "p", "seed", "allow_self"],
                _ => ["rule", "pairs"],
            });
            double p = rule == "fixed_probability" ? r.GetNumber(connect, connectPath, "p", null, 0, 1) ?? -1 : 0;
            long fallbackSeed = DeriveSeed(simulation?.Seed ?? 0, index);
            long? seed = r.GetInteger(connect, connectPath, "seed", fallbackSeed, 0);
            bool? allowSelf = r.GetBool(connect, connectPath, "allow_self", rule == "all_to_all");
            var pairs = rule == "list" ? ReadPairs(connect, connectPath, source, target) : [];
            if (rule == "one_to_one" && source is not null && target is not null && source.Size != target.Size)
            {
                r.Error(SpecPath.Property(connectPath, "rule"),
                    $"one_to_one needs equal sizes (source {source.Size}, target {target.Size})", rule);
            }

            if (p < 0 || seed is null || allowSelf is null || pairs is null)
            {
                return null;
            }

            var connectRule = rule switch
            {
                "all_to_all" => ConnectRule.AllToAll,
                "one_to_one" => ConnectRule.OneToOne,
                "fixed_probability" => ConnectRule.FixedProbability,
                _ => ConnectRule.List,
            };
            return new ConnectSpec(connectRule, p, seed.Value, allowSelf.Value, pairs);
        }

        /// <summary>A projection seed from the master seed and the projection's index (SplitMix64 finaliser).</summary>
        private static long DeriveSeed(long master, int index)
        {
            ulong z = (ulong)master + 0x9E3779B97F4A7C15UL * (ulong)(index + 1);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)((z ^ (z >> 31)) >> 1);
        }

        private IReadOnlyList<(int, int)>? ReadPairs(JsonObject connect, string path, PopulationSpec? source,
            PopulationSpec? target)
        {
            string pairsPath = SpecPath.Property(path, "pairs");
            var array = connect.ContainsKey("pairs") ? r.AsArray(connect["pairs"], pairsPath) : null;
            if (array is null)
            {
                if (!connect.ContainsKey("pairs"))
                {
                    r.Error(pairsPath, "is required for rule list (an array of [pre, post])");
                }

                return null;
            }

            int errorsBefore = r.Errors.Count;
            var pairs = new List<(int, int)>(array.Count);
            for (int i = 0; i < array.Count; i++)
            {
                string pairPath = SpecPath.Index(pairsPath, i);
                if (array[i] is not JsonArray pair || pair.Count != 2)
                {
                    r.Error(pairPath, "must be [pre, post]", SpecReader.Describe(array[i]));
                    continue;
                }

                long? pre = r.ReadInteger(pair[0], SpecPath.Index(pairPath, 0), 0, (source?.Size ?? int.MaxValue) - 1);
                long? post = r.ReadInteger(pair[1], SpecPath.Index(pairPath, 1), 0, (target?.Size ?? int.MaxValue) - 1);
                if (pre is not null && post is not null)
                {
                    pairs.Add(((int)pre.Value, (int)post.Value));
                }
            }

            return r.Errors.Count > errorsBefore ? null : pairs.AsReadOnly();
        }

        private WeightSpec? ReadWeight(JsonObject obj, string path, PopulationSpec? target)
        {
            string weightPath = SpecPath.Property(path, "weight");
            if (!obj.ContainsKey("weight"))
            {
                r.Error(weightPath, "is required");
                return null;
            }

            var node = obj["weight"];
            WeightSpec? weight;
            if (node is JsonObject weightObject && weightObject.ContainsKey("init"))
            {
                weight = ReadInitScheme(weightObject, weightPath);
            }
            else if (node is JsonObject distribution)
            {
                weight = ReadWeightDistribution(distribution, weightPath);
            }
            else
            {
                var quantity = r.ReadAnyQuantity(node, weightPath, WeightExpectation(target));
                weight = quantity is Quantity q ? new WeightSpec(WeightKind.Constant, q.Dimension, q.Value) : null;
            }

            if (weight is not null && target is not null && target.Kind.WeightDimensions.Count > 0
                && !target.Kind.AcceptsWeight(weight.Dimension))
            {
                string accepted = string.Join(" or ", target.Kind.WeightDimensions.Select(UnitTable.DimensionName));
                r.Error(weightPath, $"target '{target.Name}' (kind {target.Kind.Name}) needs weights as {accepted}",
                    SpecReader.Describe(node));
                return null;
            }

            return weight;
        }

        private static Dimension WeightExpectation(PopulationSpec? target) =>
            target?.Kind.WeightDimensions.FirstOrDefault() ?? Dimension.Voltage;

        private WeightSpec? ReadInitScheme(JsonObject obj, string path)
        {
            r.AllowOnly(obj, path, "init");
            string? scheme = r.GetChoice(obj, path, "init", [.. WeightSpec.Schemes]);
            return scheme is null ? null : new WeightSpec(WeightKind.Init, Dimension.Dimensionless, 0, 0, scheme);
        }

        private WeightSpec? ReadWeightDistribution(JsonObject obj, string path)
        {
            var pair = ReadPair(obj, path, null, out string? which);
            if (pair is not var (a, b) || which is null)
            {
                return null;
            }

            return new WeightSpec(which == "uniform" ? WeightKind.Uniform : WeightKind.Normal, a.Dimension, a.Value,
                b.Value);
        }

        private JsonObject? ReadPlasticity(JsonObject obj, string path)
        {
            string plasticityPath = SpecPath.Property(path, "plasticity");
            var plasticity = r.GetOptionalObject(obj, path, "plasticity");
            if (plasticity is null)
            {
                return null;
            }

            string? rule = r.GetString(plasticity, plasticityPath, "rule");
            if (rule is null)
            {
                return null;
            }

            if (!options.TryGetPlasticity(rule, out var validator))
            {
                string known = options.PlasticityRules.Count == 0 ? "none registered"
                    : string.Join(", ", options.PlasticityRules);
                r.Error(SpecPath.Property(plasticityPath, "rule"), $"unknown plasticity rule (known: {known})", rule);
                return null;
            }

            validator(r, plasticity, plasticityPath);
            return plasticity;
        }

        private InputSpec? ReadInput(JsonObject obj, string path, int index)
        {
            r.AllowOnly(obj, path, "kind", "target", "amplitude", "start", "stop", "neurons");
            string? kind = r.GetChoice(obj, path, "kind", [.. InputSpec.Kinds]);
            string? target = r.GetString(obj, path, "target");
            var population = FindPopulation(target, SpecPath.Property(path, "target"));
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

            var neurons = ReadNeurons(obj, path, population);
            if (kind is null || target is null || amplitude is null || start is null || stop is null
                || (obj.ContainsKey("neurons") && neurons is null))
            {
                return null;
            }

            return new InputSpec(index, kind, target, amplitude.Value, start.Value, stop.Value, neurons);
        }

        private IReadOnlyList<int>? ReadNeurons(JsonObject obj, string path, PopulationSpec? population)
        {
            string neuronsPath = SpecPath.Property(path, "neurons");
            var array = r.GetOptionalArray(obj, path, "neurons");
            if (array is null)
            {
                return null;
            }

            var neurons = new List<int>(array.Count);
            int errorsBefore = r.Errors.Count;
            long max = (population?.Size ?? int.MaxValue) - 1L;
            for (int i = 0; i < array.Count; i++)
            {
                if (r.ReadInteger(array[i], SpecPath.Index(neuronsPath, i), 0, max) is long n)
                {
                    neurons.Add((int)n);
                }
            }

            return r.Errors.Count > errorsBefore ? null : neurons.AsReadOnly();
        }

        private RecordingSpec ReadRecording(JsonObject root, SimulationSpec? simulation)
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
                    && FindPopulation(name, itemPath) is not null)
                {
                    spikes.Add(name);
                }
            }

            var state = ReadList(obj, "state", required: false,
                (item, itemPath, _) => ReadStateRecording(item, itemPath, simulation), path);
            return new RecordingSpec(spikes.AsReadOnly(), state);
        }

        private StateRecordingSpec? ReadStateRecording(JsonObject obj, string path, SimulationSpec? simulation)
        {
            r.AllowOnly(obj, path, "population", "variables", "interval", "neurons");
            string? name = r.GetString(obj, path, "population");
            var population = FindPopulation(name, SpecPath.Property(path, "population"));
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

            var neurons = ReadNeurons(obj, path, population);
            if (name is null || population is null || interval is null || array is null)
            {
                return null;
            }

            return new StateRecordingSpec(name, variables.AsReadOnly(), interval.Value, neurons);
        }

        private JsonObject? ReadTraining(JsonObject root)
        {
            var training = r.GetOptionalObject(root, SpecPath.Root, "training");
            if (training is not null)
            {
                options.Training?.Invoke(r, training, "$.training");
            }

            return training;
        }

        private void CheckSources(IReadOnlyList<PopulationSpec> populations, SimulationSpec? simulation)
        {
            if (simulation is null)
            {
                return;
            }

            foreach (var population in populations)
            {
                if (population.Kind.Family == NeuronFamily.Source && population.Params.TryGetValue("rate", out double rate)
                    && rate * simulation.Dt / 1000.0 > 1.0 + 1e-12)
                {
                    r.Error($"$.populations[{population.Index}].params.rate",
                        $"must be <= 1/dt ({1000.0 / simulation.Dt:R} Hz at dt = {simulation.Dt:R} ms)",
                        Quantity.Format(rate, Dimension.Frequency));
                }
            }
        }

        private IReadOnlyList<T> ReadList<T>(JsonObject parent, string key, bool required,
            Func<JsonObject, string, int, T?> readItem, string parentPath = SpecPath.Root)
            where T : class
        {
            string path = SpecPath.Property(parentPath, key);
            if (!parent.ContainsKey(key))
            {
                if (required)
                {
                    r.Error(path, "is required (an array)");
                }

                return [];
            }

            var array = r.AsArray(parent[key], path);
            var items = new List<T>();
            for (int i = 0; i < (array?.Count ?? 0); i++)
            {
                string itemPath = SpecPath.Index(path, i);
                if (r.AsObject(array![i], itemPath) is JsonObject item && readItem(item, itemPath, i) is T value)
                {
                    items.Add(value);
                }
            }

            return items.AsReadOnly();
        }

        private double? Positive(JsonObject obj, string path, string key, Dimension dimension, double fallback)
        {
            double? value = r.GetQuantity(obj, path, key, dimension, fallback);
            if (value is double v && !CheckRule(SpecPath.Property(path, key), v, ParamRule.Positive, dimension))
            {
                return null;
            }

            return value;
        }

        private bool CheckRule(string path, double value, ParamRule rule, Dimension dimension)
        {
            string unit = UnitTable.CanonicalUnit(dimension);
            string zero = unit.Length == 0 ? "0" : $"0 {unit}";
            string? broken = rule switch
            {
                ParamRule.Positive when value <= 0 => $"must be > {zero}",
                ParamRule.NonNegative when value < 0 => $"must be >= {zero}",
                _ => null,
            };
            if (broken is null)
            {
                return true;
            }

            r.Error(path, broken, Quantity.Format(value, dimension));
            return false;
        }
    }
}
