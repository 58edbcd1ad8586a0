using System.Diagnostics;
using NeuroSim.Core.IO;
using NeuroSim.Core.Serialization;
using NeuroSim.Tests.Core.Network;
using Xunit.Abstractions;

namespace NeuroSim.Tests.Cli;

/// <summary>
/// The in-suite twin of scripts/kill-test.sh: a real neurosim process saving checkpoints in a loop is killed with
/// SIGKILL at random moments (fixed seed), and whatever it left on disk must load.
/// </summary>
public sealed class WriteCheckpointsCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kill-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Process_KilledWithSigkillWhileSaving_EveryFileOnDiskLoads()
    {
        string network = Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json");
        string checkpointPath = Path.Combine(_folder, "checkpoint.msgpack");
        string synapsesPath = Path.Combine(_folder, "synapses.msgpack");
        var random = new Random(99);
        int midWrite = 0;
        const int Rounds = 3;

        for (int round = 0; round < Rounds; round++)
        {
            using Process process = Start(network);
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            try
            {
                WaitFor(synapsesPath, process, stderr);
                Thread.Sleep(random.Next(20, 400));
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit();
            }

            string[] temps = Directory.GetFiles(_folder, ".*.tmp");
            midWrite += temps.Any(t => AtomicFile.IsTemporaryFor(t, checkpointPath)
                || AtomicFile.IsTemporaryFor(t, synapsesPath)) ? 1 : 0;
            foreach (string temp in temps)
            {
                File.Delete(temp);
            }

            Checkpoint checkpoint = Checkpoint.Load(checkpointPath);
            SynapseFileContents synapses = SynapseFile.Load(synapsesPath);
            Assert.Equal("write-checkpoints", checkpoint.Trainer);
            Assert.Equal("cuba", synapses.Network.Name);
        }

        output.WriteLine($"{Rounds} kills, {midWrite} left a temporary file (killed mid-write); all files loaded");
    }

    private Process Start(string network)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = false,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "neurosim.dll"), "write-checkpoints",
                     network, "--out", _folder })
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start neurosim");
    }

    private static void WaitFor(string path, Process process, Task<string> stderr)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (process.HasExited)
            {
                Assert.Fail($"neurosim exited early ({process.ExitCode}): {stderr.Result}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{path} did not appear within 15 s");
            Thread.Sleep(20);
        }
    }
}
