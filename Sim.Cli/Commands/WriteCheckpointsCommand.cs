using System.CommandLine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// Hidden command <c>neurosim write-checkpoints NETWORK --out DIR [--count N]</c>: builds the network's synapse
/// store and saves a checkpoint and a synapse file over and over, changing the weights each time, so that
/// scripts/kill-test.sh can kill it with SIGKILL in the middle of writes and check that every file left on disk
/// loads. Not meant for users; it stands in for a trainer that checkpoints.
/// </summary>
public static class WriteCheckpointsCommand
{
    /// <summary>Builds the command and its options.</summary>
    public static Command Create()
    {
        var network = new Argument<string>("network") { Description = "Network file (.json)" };
        var output = new Option<string>("--out", "-o") { Description = "Output folder", Required = true };
        var count = new Option<int>("--count")
        {
            Description = "Number of rounds (checkpoint + synapse file each)",
            DefaultValueFactory = _ => int.MaxValue,
        };
        var command = new Command("write-checkpoints", "Save checkpoints in a loop (for scripts/kill-test.sh).")
        {
            network, output, count,
        };
        command.Hidden = true;
        command.SetAction(parsed => Run(parsed.GetValue(network)!, parsed.GetValue(output)!, parsed.GetValue(count),
            Console.Error));
        return command;
    }

    /// <summary>Runs the loop; returns the exit code.</summary>
    internal static int Run(string networkFile, string folder, int count, TextWriter stderr)
    {
        NetworkSpec spec;
        try
        {
            spec = NetworkLoader.Load(networkFile);
        }
        catch (NetworkValidationException ex)
        {
            stderr.WriteLine($"neurosim: {ex.Message}");
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(folder);
        SynapseStore store = SynapseStoreBuilder.Build(spec);
        for (int round = 0; round < count; round++)
        {
            foreach (Projection p in store.Projections)
            {
                p.Weight[round % Math.Max(1, p.Weight.Length)] += 1f;
            }

            var checkpoint = new Checkpoint(spec, store) { Trainer = "write-checkpoints", Epoch = round };
            checkpoint.RngState["round"] = [(ulong)round];
            checkpoint.Save(Path.Combine(folder, "checkpoint.msgpack"));
            SynapseFile.Save(Path.Combine(folder, "synapses.msgpack"), spec, store,
                new Dictionary<string, object> { ["round"] = round });
        }

        return ExitCodes.Ok;
    }
}
