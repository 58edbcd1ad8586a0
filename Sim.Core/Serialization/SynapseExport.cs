using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroSim.Core.IO;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Serialization;

/// <summary>
/// Exports a loaded synapse file for other tools: NumPy <c>.npz</c> (any size) or JSON (small networks).
/// Names, shapes and units are listed in docs/file-formats.md ("Export").
/// </summary>
/// <remarks>
/// NPZ arrays, per projection P: dense — <c>P.weight</c> float32 [post, pre] (row-major, like torch's
/// <c>Linear.weight</c>) and <c>P.delay_ms</c> float32 [post, pre]; sparse — <c>P.pre</c>, <c>P.post</c> int32
/// [nnz] (one entry per synapse, in the store's order), <c>P.weight</c> and <c>P.delay_ms</c> float32 [nnz];
/// both — <c>P.shape</c> int64 [2] = (post, pre) and, with a bias, <c>P.bias</c> float32 [post]. The network
/// definition is <c>network_json</c>, a uint8 array of its UTF-8 text (<c>bytes(z["network_json"]).decode()</c>).
/// Per-neuron parameters of the store (e.g. trained thresholds) are <c>neuron_params.POP.NAME</c> float32 [size].
/// </remarks>
public static class SynapseExport
{
    /// <summary>The most synapses <see cref="WriteJson"/> accepts unless forced (about 15 MB of text).</summary>
    public const long JsonSynapseLimit = 1_000_000;

    /// <summary>Writes every projection of <paramref name="contents"/> as arrays of a NumPy .npz, atomically.</summary>
    public static void WriteNpz(string path, SynapseFileContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        NpzWriter.WriteFile(path, npz =>
        {
            npz.AddVector<byte>("network_json", Encoding.UTF8.GetBytes(contents.Network.SourceText));
            foreach (Projection p in contents.Store.Projections)
            {
                AddProjection(npz, p);
            }

            foreach (PerNeuronParameter parameter in contents.Store.NeuronParameters)
            {
                npz.AddVector<float>($"neuron_params.{parameter.Population}.{parameter.Name}", parameter.Values);
            }
        });
    }

    /// <summary>Writes the definition's name, the metadata and every projection as JSON, atomically.</summary>
    /// <exception cref="ArgumentException">
    /// More than <see cref="JsonSynapseLimit"/> synapses and <paramref name="force"/> not set.
    /// </exception>
    public static void WriteJson(string path, SynapseFileContents contents, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(contents);
        long synapses = contents.Store.SynapseCount;
        if (synapses > JsonSynapseLimit && !force)
        {
            throw new ArgumentException($"{synapses} synapses is more than the JSON export limit of " +
                $"{JsonSynapseLimit}; use --format npz, or --force to write JSON anyway");
        }

        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("network", contents.Network.Name);
            json.WriteString("format_version", contents.Version.ToString());
            json.WriteString("kind", contents.Kind == FileKind.Checkpoint ? "checkpoint" : "synapses");
            json.WriteStartObject("metadata");
            foreach (var (key, value) in contents.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                WriteScalar(json, key, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("projections");
            foreach (Projection p in contents.Store.Projections)
            {
                WriteProjection(json, p);
            }

            json.WriteEndArray();
            json.WriteStartArray("neuron_parameters");
            foreach (PerNeuronParameter parameter in contents.Store.NeuronParameters)
            {
                json.WriteStartObject();
                json.WriteString("population", parameter.Population);
                json.WriteString("name", parameter.Name);
                json.WritePropertyName("values");
                json.WriteRawValue(Numbers(parameter.Values));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("network_json", contents.Network.SourceText);
            json.WriteEndObject();
        });
    }

    private static void AddProjection(NpzWriter npz, Projection p)
    {
        string n = p.Name;
        npz.AddVector<long>($"{n}.shape", [p.PostCount, p.PreCount]);
        if (p.Layout == ProjectionLayout.Dense)
        {
            npz.Add<float>($"{n}.weight", p.Weight, [p.PostCount, p.PreCount]);
            npz.Add<float>($"{n}.delay_ms", p.Delay, [p.PostCount, p.PreCount]);
        }
        else
        {
            npz.AddVector<int>($"{n}.pre", PreIndices(p));
            npz.AddVector<int>($"{n}.post", p.Post);
            npz.AddVector<float>($"{n}.weight", p.Weight);
            npz.AddVector<float>($"{n}.delay_ms", p.Delay);
        }

        if (p.Bias is not null)
        {
            npz.AddVector<float>($"{n}.bias", p.Bias);
        }
    }

    /// <summary>The presynaptic neuron of each synapse of a sparse projection (CSR rows expanded).</summary>
    private static int[] PreIndices(Projection p)
    {
        var pre = new int[p.SynapseCount];
        for (int i = 0; i < p.PreCount; i++)
        {
            pre.AsSpan(p.RowStart[i], p.RowStart[i + 1] - p.RowStart[i]).Fill(i);
        }

        return pre;
    }

    private static void WriteProjection(Utf8JsonWriter json, Projection p)
    {
        json.WriteStartObject();
        json.WriteString("name", p.Name);
        json.WriteString("source", p.Source);
        json.WriteString("target", p.Target);
        json.WriteString("receptor", p.Receptor.ToString().ToLowerInvariant());
        json.WriteString("layout", p.Layout == ProjectionLayout.Dense ? "dense" : "sparse");
        json.WriteNumber("pre_count", p.PreCount);
        json.WriteNumber("post_count", p.PostCount);
        json.WriteNumber("synapses", p.SynapseCount);
        if (p.Layout == ProjectionLayout.Dense)
        {
            WriteRows(json, "weight", p.Weight, p.PostCount, p.PreCount);
            WriteRows(json, "delay_ms", p.Delay, p.PostCount, p.PreCount);
        }
        else
        {
            json.WritePropertyName("pre");
            json.WriteRawValue(Numbers(PreIndices(p)));
            json.WritePropertyName("post");
            json.WriteRawValue(Numbers(p.Post));
            json.WritePropertyName("weight");
            json.WriteRawValue(Numbers(p.Weight));
            json.WritePropertyName("delay_ms");
            json.WriteRawValue(Numbers(p.Delay));
        }

        if (p.Bias is not null)
        {
            json.WritePropertyName("bias");
            json.WriteRawValue(Numbers(p.Bias));
        }

        json.WriteEndObject();
    }

    // One row per line: [post][pre], each row a compact array.
    private static void WriteRows(Utf8JsonWriter json, string name, float[] values, int rows, int columns)
    {
        json.WriteStartArray(name);
        for (int r = 0; r < rows; r++)
        {
            json.WriteRawValue(Numbers(values.AsSpan(r * columns, columns)));
        }

        json.WriteEndArray();
    }

    // Shortest text that reads back to the same float32; NaN and infinities, which JSON lacks, as strings.
    private static string Numbers(ReadOnlySpan<float> values)
    {
        var text = new StringBuilder(values.Length * 12 + 2).Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            float v = values[i];
            text.Append(float.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture)
                : float.IsNaN(v) ? "\"NaN\"" : v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        }

        return text.Append(']').ToString();
    }

    private static string Numbers(ReadOnlySpan<int> values)
    {
        var text = new StringBuilder(values.Length * 6 + 2).Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(i > 0 ? ", " : "").Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    private static void WriteScalar(Utf8JsonWriter json, string key, object value)
    {
        switch (value)
        {
            case string s: json.WriteString(key, s); break;
            case bool b: json.WriteBoolean(key, b); break;
            case long l: json.WriteNumber(key, l); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
            case double d: json.WriteString(key, d.ToString(CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
