using System.Text;
using System.Text.Json;

namespace NeuroSim.Core.Network;

/// <summary>
/// Maps JSON paths ("$.populations[0].params.tau_m") to the 1-based line where that property or element
/// starts, computed by one pass of <see cref="Utf8JsonReader"/> over the file (comments and trailing commas
/// allowed). Also reports duplicate keys, which the node parser would silently merge or reject.
/// </summary>
public sealed class SpecLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Line)> _duplicates = [];

    /// <summary>An empty map (every lookup answers null).</summary>
    public static SpecLineMap Empty { get; } = new();

    /// <summary>Paths of keys that appear twice in the same object, with the line of the repeat.</summary>
    public IReadOnlyList<(string Path, int Line)> DuplicateKeys => _duplicates;

    /// <summary>The 1-based line of a path, or of its nearest recorded ancestor; null when unknown.</summary>
    public int? LineOf(string path)
    {
        string current = path;
        while (true)
        {
            if (_lines.TryGetValue(current, out int line))
            {
                return line;
            }

            int cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            current = current[..cut];
        }
    }

    /// <summary>
    /// Builds the map from the file text. Throws <see cref="JsonException"/> (with line information) when
    /// the text is not valid JSON.
    /// </summary>
    public static SpecLineMap Build(string text)
    {
        var map = new SpecLineMap();
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int[] lineStarts = LineStarts(bytes);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var reader = new Utf8JsonReader(bytes, options);
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            int line = LineAt(lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var frame = stack.Peek();
                    string name = reader.GetString() ?? "";
                    pendingProperty = SpecPath.Property(frame.Path, name);
                    if (!frame.Keys!.Add(name))
                    {
                        map._duplicates.Add((pendingProperty, line));
                    }

                    map._lines.TryAdd(pendingProperty, line);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    string path = ValuePath(stack, ref pendingProperty, map, line);
                    bool isObject = reader.TokenType == JsonTokenType.StartObject;
                    stack.Push(new Frame(path, isObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    ValuePath(stack, ref pendingProperty, map, line);
                    break;
            }
        }

        return map;
    }

    private static string ValuePath(Stack<Frame> stack, ref string? pendingProperty, SpecLineMap map, int line)
    {
        if (stack.Count == 0)
        {
            map._lines.TryAdd("$", line);
            return "$";
        }

        var parent = stack.Peek();
        if (parent.Keys is null)
        {
            string path = SpecPath.Index(parent.Path, parent.NextIndex);
            parent.NextIndex++;
            map._lines.TryAdd(path, line);
            return path;
        }

        string property = pendingProperty ?? parent.Path;
        pendingProperty = null;
        return property;
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static int LineAt(int[] lineStarts, int offset)
    {
        int index = Array.BinarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int NextIndex { get; set; }
    }
}
