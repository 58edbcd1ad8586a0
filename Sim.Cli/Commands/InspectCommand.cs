using System.CommandLine;
using System.Globalization;
using NeuroSim.Cli.Inspection;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// The <c>neurosim inspect FILE</c> command: prints what a synapse file or checkpoint holds (format version,
/// network, metadata, trainer state, and per projection its shape, layout, synapse count and weight statistics).
/// Exit code 0 means the file loaded with every check passed; 3 means it did not (the message says why).
/// </summary>
public static class InspectCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Synapse file or checkpoint (.msgpack)" };
        var command = new Command("inspect", "Show what a synapse file or checkpoint holds, after checking it.")
        {
            file,
        };
        command.SetAction(parsed => Run(parsed.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Loads and describes <paramref name="file"/>; returns the exit code.</summary>
    internal static int Run(string file, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var (kind, _) = SynapseFile.ReadKind(file);
            if (kind == FileKind.Checkpoint)
            {
                Checkpoint checkpoint = Checkpoint.Load(file, CliLoadOptions.Default);
                var contents = new SynapseFileContents(kind, checkpoint.Version, checkpoint.Network,
                    checkpoint.Weights, checkpoint.Metadata);
                Describe(file, contents, checkpoint, stdout);
            }
            else
            {
                Describe(file, SynapseFile.Load(file, CliLoadOptions.Default), null, stdout);
            }

            return ExitCodes.Ok;
        }
        catch (SynapseFileException ex)
        {
            stderr.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static void Describe(string file, SynapseFileContents contents, Checkpoint? checkpoint, TextWriter o)
    {
        SynapseStore store = contents.Store;
        o.WriteLine(file);
        Line(o, "kind", $"{(checkpoint is null ? "synapse file" : "checkpoint")} (format {contents.Version})");
        Line(o, "size", $"{new FileInfo(file).Length:N0} bytes");
        Line(o, "network", $"{contents.Network.Name} ({contents.Network.Populations.Count} populations, " +
            $"{store.Projections.Count} projections, {store.SynapseCount:N0} synapses)");
        Line(o, "metadata", contents.Metadata.Count == 0 ? "(none)" : string.Join(", ", contents.Metadata
            .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} = {Format(e.Value)}")));
        if (store.NeuronParameters.Count > 0)
        {
            Line(o, "neuron params", string.Join(", ", store.NeuronParameters.Select(p =>
            {
                ValueStatistics v = ValueStatistics.Of(p.Values);
                return $"{p.Population}.{p.Name} [{p.Values.Length}] {Number(v.Min)}..{Number(v.Max)}";
            })));
        }

        if (checkpoint is not null)
        {
            Line(o, "trainer", $"{(checkpoint.Trainer.Length == 0 ? "(unnamed)" : checkpoint.Trainer)}, " +
                $"next epoch {checkpoint.Epoch}, next batch {checkpoint.Batch}");
            Line(o, "optimizer state", Names(checkpoint.OptimizerState.Select(e => (e.Key, e.Value.Length))));
            Line(o, "rng state", Names(checkpoint.RngState.Select(e => (e.Key, e.Value.Length))));
            Line(o, "blobs", Names(checkpoint.Blobs.Select(e => (e.Key, e.Value.Length))));
        }

        o.WriteLine();
        string[] header = ["projection", "source -> target", "layout", "shape [post, pre]", "synapses",
            "weight min", "max", "mean", "std", "delay ms", "bias"];
        var rows = new List<string[]> { header };
        foreach (Projection p in store.Projections)
        {
            ValueStatistics w = ValueStatistics.Of(p.Weight);
            ValueStatistics d = ValueStatistics.Of(p.Delay);
            rows.Add([p.Name, $"{p.Source} -> {p.Target}", p.Layout == ProjectionLayout.Dense ? "dense" : "sparse",
                $"[{p.PostCount}, {p.PreCount}]", p.SynapseCount.ToString(CultureInfo.InvariantCulture),
                Number(w.Min), Number(w.Max), Number(w.Mean),
                Number(w.Std) + (w.NaNCount > 0 ? $" ({w.NaNCount} NaN)" : ""),
                d.Count == 0 ? "-" : d.Min == d.Max ? Number(d.Min) : $"{Number(d.Min)}..{Number(d.Max)}",
                p.Bias is null ? "-" : $"[{p.Bias.Length}]"]);
        }

        int[] widths = [.. Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            o.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static void Line(TextWriter o, string label, string value) => o.WriteLine($"  {label,-16} {value}");

    private static string Names(IEnumerable<(string Name, int Length)> entries)
    {
        var list = entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => $"{e.Name} [{e.Length}]").ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static string Number(double value) => double.IsNaN(value) ? "-"
        : value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
