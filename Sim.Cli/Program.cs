using System.CommandLine;
using NeuroSim.Cli.Commands;

namespace NeuroSim.Cli;

/// <summary>Entry point of the <c>neurosim</c> command: composes the subcommands, each defined in Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("NeuroSim: simulate and train spiking neural networks from network files.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(WriteCheckpointsCommand.Create());
        return CliHost.Invoke(root, args);
    }
}
