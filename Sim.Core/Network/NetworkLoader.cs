using System.Text.Json;
using System.Text.Json.Nodes;

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
        if (Directory.Exists(path))
        {
            throw new NetworkValidationException([new SpecError(path, SpecPath.Root, null,
                "is a directory, not a network file (give the path of a .json file)", null)]);
        }

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

        var spec = new NetworkSpecBuilder(reader, options, fileName, text).Build(rootObject!);
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

    // The parser's message without its position tail ("Path: $ | LineNumber: 0 | BytePositionInLine: 5."):
    // the error already says file:line.
    private static string FirstSentence(string message)
    {
        foreach (string tail in new[] { " Path:", " LineNumber:", " | LineNumber" })
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', '|', '.') + ".";
    }
}
