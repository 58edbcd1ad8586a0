using MessagePack;
using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// Writes and reads the part synapse files and checkpoints share: the network definition (its JSON text),
/// every projection of the synapse store, and the metadata map. Reading checks every size against the
/// definition before allocating the array it describes.
/// </summary>
internal static class StoreCodec
{
    /// <summary>Number of top-level fields <see cref="WriteCommon"/> writes for <paramref name="store"/> (the
    /// neuron parameters field only when the store holds some).</summary>
    public static int CommonFieldCount(SynapseStore store) => store.NeuronParameters.Count > 0 ? 5 : 4;

    /// <summary>Writes the shared top-level fields (the caller has written the map header).</summary>
    public static void WriteCommon(ref MessagePackWriter writer, NetworkSpec network, SynapseStore store,
        IReadOnlyDictionary<string, object>? metadata)
    {
        writer.Write(PayloadKeys.NetworkJson);
        writer.Write(network.SourceText);
        writer.Write(PayloadKeys.NetworkFileName);
        writer.Write(network.FileName);
        writer.Write(PayloadKeys.Projections);
        writer.WriteArrayHeader(store.Projections.Count);
        foreach (Projection projection in store.Projections)
        {
            WriteProjection(ref writer, projection);
        }

        writer.Write(PayloadKeys.Metadata);
        PayloadWriter.WriteMetadata(ref writer, metadata);
        if (store.NeuronParameters.Count > 0)
        {
            writer.Write(PayloadKeys.NeuronParameters);
            writer.WriteArrayHeader(store.NeuronParameters.Count);
            foreach (PerNeuronParameter parameter in store.NeuronParameters)
            {
                writer.WriteMapHeader(3);
                writer.Write(PayloadKeys.ParameterPopulation);
                writer.Write(parameter.Population);
                writer.Write(PayloadKeys.ParameterName);
                writer.Write(parameter.Name);
                writer.Write(PayloadKeys.ParameterValues);
                PayloadWriter.WriteArray<float>(ref writer, parameter.Values);
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="store"/> belongs to <paramref name="network"/> (names, sizes, bias), so that
    /// nothing is written that could not be loaded back.
    /// </summary>
    /// <exception cref="ArgumentException">The store does not match the definition.</exception>
    public static void CheckMatches(NetworkSpec network, SynapseStore store)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(store);
        foreach (ProjectionSpec spec in network.Projections)
        {
            if (!store.TryGet(spec.Name, out Projection p))
            {
                throw new ArgumentException($"the store has no projection '{spec.Name}' of network '{network.Name}'",
                    nameof(store));
            }

            int pre = network.Population(spec.Source).Size;
            int post = network.Population(spec.Target).Size;
            if (p.Source != spec.Source || p.Target != spec.Target || p.PreCount != pre || p.PostCount != post
                || (p.Bias is not null) != spec.Bias)
            {
                throw new ArgumentException($"projection '{spec.Name}' ({p.Source} {p.PreCount} -> {p.Target} " +
                    $"{p.PostCount}, bias {p.Bias is not null}) does not match network '{network.Name}' " +
                    $"({spec.Source} {pre} -> {spec.Target} {post}, bias {spec.Bias})", nameof(store));
            }
        }

        if (store.Projections.Count != network.Projections.Count)
        {
            string extra = string.Join(", ", store.Projections.Select(p => p.Name)
                .Where(n => network.Projections.All(s => s.Name != n)));
            throw new ArgumentException($"the store has projections not in network '{network.Name}': {extra}",
                nameof(store));
        }

        foreach (PerNeuronParameter parameter in store.NeuronParameters)
        {
            string? problem = ParameterProblem(network, parameter.Population, parameter.Name)
                ?? (parameter.Values.Length != network.Population(parameter.Population).Size
                    ? $"has {parameter.Values.Length} values for {network.Population(parameter.Population).Size} " +
                        "neurons"
                    : null)
                ?? (parameter.Values.Any(v => !float.IsFinite(v)) ? "holds a value that is not finite" : null);
            if (problem is not null)
            {
                throw new ArgumentException($"neuron parameter '{parameter.Name}' of '{parameter.Population}' " +
                    problem, nameof(store));
            }
        }
    }

    /// <summary>Scans a map and returns each integer key's value offset in <paramref name="payload"/>.</summary>
    /// <remarks>Unknown keys are kept too (and ignored by callers): newer minor versions may add fields.</remarks>
    public static Dictionary<int, int> IndexMap(PayloadReader pr, ReadOnlyMemory<byte> payload, int offset,
        string where)
    {
        var reader = new MessagePackReader(payload[offset..]);
        int count = pr.ReadMapHeader(ref reader, where);
        var fields = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            int key = (int)pr.ReadInteger(ref reader, $"{where} key {i}", int.MinValue, int.MaxValue);
            if (!fields.TryAdd(key, offset + (int)reader.Consumed))
            {
                throw pr.Fail(where, $"key {key} appears twice");
            }

            pr.Skip(ref reader, $"{where} key {key}");
        }

        return fields;
    }

    /// <summary>The end offset of the value at <paramref name="offset"/> (used for the top-level map).</summary>
    public static int EndOf(PayloadReader pr, ReadOnlyMemory<byte> payload, int offset, string where)
    {
        var reader = new MessagePackReader(payload[offset..]);
        pr.Skip(ref reader, where);
        return offset + (int)reader.Consumed;
    }

    /// <summary>A reader positioned on a field found by <see cref="IndexMap"/>.</summary>
    public static MessagePackReader At(ReadOnlyMemory<byte> payload, int offset) => new(payload[offset..]);

    /// <summary>Reads the network, the store and the metadata from the top-level fields.</summary>
    public static (NetworkSpec Network, SynapseStore Store, Dictionary<string, object> Metadata) ReadCommon(
        PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> fields, NetworkLoadOptions? options)
    {
        NetworkSpec network = ReadNetwork(pr, payload, fields, options);
        int projectionsAt = Require(pr, fields, PayloadKeys.Projections, "projections");
        var reader = At(payload, projectionsAt);
        int count = pr.ReadArrayHeader(ref reader, "projections");
        if (count != network.Projections.Count)
        {
            throw pr.Fail("projections", $"the file holds {count}, the network definition declares " +
                $"{network.Projections.Count}");
        }

        var projections = new Projection[count];
        for (int i = 0; i < count; i++)
        {
            int start = projectionsAt + (int)reader.Consumed;
            pr.Skip(ref reader, $"projections[{i}]");
            projections[i] = ReadProjection(pr, payload, start, network, i);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Projection p in projections)
        {
            if (!seen.Add(p.Name))
            {
                throw pr.Fail("projections", $"'{p.Name}' appears twice");
            }
        }

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        if (fields.TryGetValue(PayloadKeys.Metadata, out int metadataAt))
        {
            var metadataReader = At(payload, metadataAt);
            metadata = pr.ReadMetadata(ref metadataReader, "metadata");
        }

        // Keep the network file's order, whatever the file's.
        var ordered = network.Projections.Select(s => projections.First(p => p.Name == s.Name));
        var parameters = fields.TryGetValue(PayloadKeys.NeuronParameters, out int parametersAt)
            ? ReadNeuronParameters(pr, payload, parametersAt, network)
            : [];
        return (network, new SynapseStore(ordered, parameters), metadata);
    }

    // Field 5 (format 1.1): per-neuron parameter arrays. Each names a population of the definition and a parameter
    // its kind declares, once; the values array must hold exactly one finite float32 per neuron.
    private static List<PerNeuronParameter> ReadNeuronParameters(PayloadReader pr, ReadOnlyMemory<byte> payload,
        int offset, NetworkSpec network)
    {
        var reader = At(payload, offset);
        int count = pr.ReadArrayHeader(ref reader, "neuron parameters");
        var parameters = new List<PerNeuronParameter>();
        for (int i = 0; i < count; i++)
        {
            int start = offset + (int)reader.Consumed;
            pr.Skip(ref reader, $"neuron parameters[{i}]");
            string where = $"neuron parameters[{i}]";
            Dictionary<int, int> f = IndexMap(pr, payload, start, where);
            var r = At(payload, Require(pr, f, PayloadKeys.ParameterPopulation, $"{where} population"));
            string population = pr.ReadString(ref r, $"{where} population");
            r = At(payload, Require(pr, f, PayloadKeys.ParameterName, $"{where} name"));
            string name = pr.ReadString(ref r, $"{where} name");
            where = $"neuron parameter '{name}' of '{population}'";
            string? problem = ParameterProblem(network, population, name);
            if (problem is not null)
            {
                throw pr.Fail(where, problem);
            }

            if (parameters.Any(p => p.Population == population && p.Name == name))
            {
                throw pr.Fail(where, "appears twice");
            }

            r = At(payload, Require(pr, f, PayloadKeys.ParameterValues, $"{where} values"));
            float[] values = pr.ReadArray<float>(ref r, network.Population(population).Size, $"{where} values");
            for (int k = 0; k < values.Length; k++)
            {
                if (!float.IsFinite(values[k]))
                {
                    throw pr.Fail($"{where} values", $"neuron {k} is {values[k]}; neuron parameters must be finite");
                }
            }

            parameters.Add(new PerNeuronParameter(population, name, values));
        }

        return parameters;
    }

    // Why a per-neuron parameter cannot belong to the definition, or null when it can.
    private static string? ParameterProblem(NetworkSpec network, string population, string name)
    {
        PopulationSpec? spec = network.Populations.FirstOrDefault(p => p.Name == population);
        if (spec is null)
        {
            return $"population '{population}' is not in the network definition";
        }

        return spec.Kind.FindParameter(name) is not null
            ? null
            : $"kind '{spec.KindName}' of population '{population}' has no parameter '{name}' (it has: " +
                $"{string.Join(", ", spec.Kind.Parameters.Select(p => p.Name))})";
    }

    /// <summary>The offset of a required field, or an error naming it.</summary>
    public static int Require(PayloadReader pr, Dictionary<int, int> fields, int key, string name) =>
        fields.TryGetValue(key, out int offset) ? offset : throw pr.Fail(name, $"missing (field {key})");

    private static NetworkSpec ReadNetwork(PayloadReader pr, ReadOnlyMemory<byte> payload,
        Dictionary<int, int> fields, NetworkLoadOptions? options)
    {
        var reader = At(payload, Require(pr, fields, PayloadKeys.NetworkJson, "network definition"));
        string json = pr.ReadString(ref reader, "network definition");
        string original = "network";
        if (fields.TryGetValue(PayloadKeys.NetworkFileName, out int nameAt))
        {
            var nameReader = At(payload, nameAt);
            original = pr.ReadString(ref nameReader, "network file name");
        }

        try
        {
            return NetworkLoader.LoadFromText(json, $"{pr.Path}[embedded {original}]", options);
        }
        catch (NetworkValidationException ex)
        {
            throw new SynapseFileException(pr.Path,
                $"the embedded network definition is invalid:{Environment.NewLine}{ex.Message}", ex);
        }
    }

    private static void WriteProjection(ref MessagePackWriter writer, Projection p)
    {
        bool sparse = p.Layout == ProjectionLayout.Sparse;
        writer.WriteMapHeader(9 + (sparse ? 2 : 0) + (p.Bias is null ? 0 : 1));
        writer.Write(PayloadKeys.Name);
        writer.Write(p.Name);
        writer.Write(PayloadKeys.Source);
        writer.Write(p.Source);
        writer.Write(PayloadKeys.Target);
        writer.Write(p.Target);
        writer.Write(PayloadKeys.Receptor);
        writer.Write((int)p.Receptor);
        writer.Write(PayloadKeys.Layout);
        writer.Write((int)p.Layout);
        writer.Write(PayloadKeys.PreCount);
        writer.Write(p.PreCount);
        writer.Write(PayloadKeys.PostCount);
        writer.Write(p.PostCount);
        if (sparse)
        {
            writer.Write(PayloadKeys.RowStart);
            PayloadWriter.WriteArray<int>(ref writer, p.RowStart);
            writer.Write(PayloadKeys.Post);
            PayloadWriter.WriteArray<int>(ref writer, p.Post);
        }

        writer.Write(PayloadKeys.Weight);
        PayloadWriter.WriteArray<float>(ref writer, p.Weight);
        writer.Write(PayloadKeys.Delay);
        PayloadWriter.WriteArray<float>(ref writer, p.Delay);
        if (p.Bias is not null)
        {
            writer.Write(PayloadKeys.Bias);
            PayloadWriter.WriteArray<float>(ref writer, p.Bias);
        }
    }

    // Reads scalars first (name, populations, sizes, layout), checks them against the definition, and only then
    // reads each array with the exact length the definition implies.
    private static Projection ReadProjection(PayloadReader pr, ReadOnlyMemory<byte> payload, int offset,
        NetworkSpec network, int index)
    {
        string where = $"projections[{index}]";
        Dictionary<int, int> f = IndexMap(pr, payload, offset, where);
        var r = At(payload, Require(pr, f, PayloadKeys.Name, $"{where} name"));
        string name = pr.ReadString(ref r, $"{where} name");
        where = $"projection '{name}'";
        ProjectionSpec spec = network.Projections.FirstOrDefault(s => s.Name == name)
            ?? throw pr.Fail(where, $"not in the network definition (it has: " +
                $"{string.Join(", ", network.Projections.Select(s => s.Name))})");
        PopulationSpec source = network.Population(spec.Source);
        PopulationSpec target = network.Population(spec.Target);

        CheckString(pr, payload, f, PayloadKeys.Source, $"{where} source", spec.Source);
        CheckString(pr, payload, f, PayloadKeys.Target, $"{where} target", spec.Target);
        int pre = (int)ReadInt(pr, payload, f, PayloadKeys.PreCount, $"{where} pre count", source.Size, source.Size);
        int post = (int)ReadInt(pr, payload, f, PayloadKeys.PostCount, $"{where} post count", target.Size,
            target.Size);
        if (f.ContainsKey(PayloadKeys.Receptor))
        {
            ReadInt(pr, payload, f, PayloadKeys.Receptor, $"{where} receptor", (int)spec.Receptor,
                (int)spec.Receptor);
        }

        var layout = (ProjectionLayout)ReadInt(pr, payload, f, PayloadKeys.Layout, $"{where} layout", 0, 1);
        float[]? bias = null;
        if (spec.Bias || f.ContainsKey(PayloadKeys.Bias))
        {
            if (!spec.Bias)
            {
                throw pr.Fail($"{where} bias", "present, but the network definition declares no bias");
            }

            r = At(payload, Require(pr, f, PayloadKeys.Bias, $"{where} bias"));
            bias = pr.ReadArray<float>(ref r, post, $"{where} bias");
            CheckFinite(pr, bias, $"{where} bias", "bias");
        }

        return layout == ProjectionLayout.Dense
            ? ReadDense(pr, payload, f, spec, where, pre, post, bias)
            : ReadSparse(pr, payload, f, spec, where, pre, post, bias);
    }

    private static Projection ReadDense(PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> f,
        ProjectionSpec spec, string where, int pre, int post, float[]? bias)
    {
        long count = (long)pre * post;
        var r = At(payload, Require(pr, f, PayloadKeys.Weight, $"{where} weight"));
        float[] weight = pr.ReadArray<float>(ref r, count, $"{where} weight");
        CheckFinite(pr, weight, $"{where} weight", "synapse");
        r = At(payload, Require(pr, f, PayloadKeys.Delay, $"{where} delay"));
        float[] delay = pr.ReadArray<float>(ref r, count, $"{where} delay");
        CheckDelays(pr, delay, where);
        return Projection.Dense(spec.Name, spec.Source, spec.Target, pre, post, spec.Receptor, weight, delay, bias);
    }

    private static Projection ReadSparse(PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> f,
        ProjectionSpec spec, string where, int pre, int post, float[]? bias)
    {
        var r = At(payload, Require(pr, f, PayloadKeys.RowStart, $"{where} row_start"));
        int[] rowStart = pr.ReadArray<int>(ref r, (long)pre + 1, $"{where} row_start");
        if (rowStart[0] != 0)
        {
            throw pr.Fail($"{where} row_start", $"must start at 0 (got {rowStart[0]})");
        }

        for (int i = 0; i < pre; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw pr.Fail($"{where} row_start", $"decreases at presynaptic neuron {i} " +
                    $"({rowStart[i]} then {rowStart[i + 1]})");
            }
        }

        int nnz = rowStart[pre];
        r = At(payload, Require(pr, f, PayloadKeys.Post, $"{where} post"));
        int[] targets = pr.ReadArray<int>(ref r, nnz, $"{where} post");
        for (int k = 0; k < nnz; k++)
        {
            if ((uint)targets[k] >= (uint)post)
            {
                throw pr.Fail($"{where} post", $"synapse {k} targets neuron {targets[k]}, outside 0..{post - 1}");
            }
        }

        r = At(payload, Require(pr, f, PayloadKeys.Weight, $"{where} weight"));
        float[] weight = pr.ReadArray<float>(ref r, nnz, $"{where} weight");
        CheckFinite(pr, weight, $"{where} weight", "synapse");
        r = At(payload, Require(pr, f, PayloadKeys.Delay, $"{where} delay"));
        float[] delay = pr.ReadArray<float>(ref r, nnz, $"{where} delay");
        CheckDelays(pr, delay, where);
        return Projection.Sparse(spec.Name, spec.Source, spec.Target, pre, post, spec.Receptor, rowStart, targets,
            weight, delay, bias);
    }

    private static void CheckDelays(PayloadReader pr, float[] delay, string where)
    {
        for (int k = 0; k < delay.Length; k++)
        {
            if (!(delay[k] >= 0f) || !(delay[k] <= NetworkLimits.MaxDelayMs))
            {
                throw pr.Fail($"{where} delay", $"synapse {k} has delay {delay[k]} ms; must be finite, >= 0 and "
                    + $"<= {NetworkLimits.MaxDelayMs} ms");
            }
        }
    }

    // Weights and biases must be finite: a NaN or infinity would spread through every run or evaluation.
    // (A checkpoint's optimiser state may hold anything; only the synapses are checked.)
    private static void CheckFinite(PayloadReader pr, float[] values, string where, string what)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (!float.IsFinite(values[k]))
            {
                throw pr.Fail(where, $"{what} {k} is {values[k]}; weights and biases must be finite");
            }
        }
    }

    private static void CheckString(PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> f, int key,
        string where, string expected)
    {
        var r = At(payload, Require(pr, f, key, where));
        string value = pr.ReadString(ref r, where);
        if (value != expected)
        {
            throw pr.Fail(where, $"is '{value}', the network definition says '{expected}'");
        }
    }

    private static long ReadInt(PayloadReader pr, ReadOnlyMemory<byte> payload, Dictionary<int, int> f, int key,
        string where, long min, long max)
    {
        var r = At(payload, Require(pr, f, key, where));
        return pr.ReadInteger(ref r, where, min, max);
    }
}
