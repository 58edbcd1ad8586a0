using System.CommandLine;
using NeuroSim.Core.Serialization;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// The <c>neurosim export FILE --format npz|json [--out PATH] [--force]</c> command: writes the synapses of a
/// synapse file or checkpoint for other tools (array names and shapes: docs/file-formats.md, "Export").
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Synapse file or checkpoint (.msgpack)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "npz (NumPy arrays, any size) or json (small networks)",
            DefaultValueFactory = _ => "npz",
        };
        format.AcceptOnlyFromAmong("npz", "json");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Output file (default: FILE with the extension .npz or .json)",
        };
        var force = new Option<bool>("--force")
        {
            Description = $"Write JSON even above {SynapseExport.JsonSynapseLimit:N0} synapses",
        };
        var command = new Command("export", "Export a synapse file's or checkpoint's synapses as NumPy .npz or JSON.")
        {
            file, format, output, force,
        };
        command.SetAction(parsed => Run(parsed.GetValue(file)!, parsed.GetValue(format)!, parsed.GetValue(output),
            parsed.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the export; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    internal static int Run(string file, string format, string? output, bool force, TextWriter stdout,
        TextWriter stderr)
    {
        string target = output ?? Path.ChangeExtension(file, format);
        if (Path.GetFullPath(target) == Path.GetFullPath(file))
        {
            stderr.WriteLine($"neurosim: export: the output {target} would overwrite the input; choose --out");
            return ExitCodes.Usage;
        }

        SynapseFileContents contents;
        try
        {
            contents = SynapseFile.Load(file);
        }
        catch (SynapseFileException ex)
        {
            stderr.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            if (format == "json")
            {
                SynapseExport.WriteJson(target, contents, force);
            }
            else
            {
                SynapseExport.WriteNpz(target, contents);
            }
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"neurosim: export: {file}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"neurosim: export: cannot write {target}: {ex.Message}");
            return ExitCodes.OutputFailed;
        }

        stdout.WriteLine($"wrote {target} ({contents.Store.Projections.Count} projections, " +
            $"{contents.Store.SynapseCount} synapses, {format})");
        return ExitCodes.Ok;
    }
}
