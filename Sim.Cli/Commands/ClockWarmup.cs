using System.Runtime.CompilerServices;
using NeuroSim.Cli.Output;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Plasticity;
using NeuroSim.Core.Recording;

namespace NeuroSim.Cli.Commands;

/// <summary>
/// Runs a throwaway copy of the network for a few steps, with the same kinds of populations, plasticity rules
/// and observers as the real run, before the real run's clock starts. The runtime compiles each method on first
/// use; without this, that compilation (and the first use of the recorder's channel and its consumer thread)
/// lands in the first milliseconds of the timed simulation. It is the analogue of Brian2's C++ compile step
/// and is counted in <c>build_seconds</c>.
/// </summary>
/// <remarks>
/// Only for networks of at most <see cref="MaxSynapses"/> synapses and <see cref="MaxNeurons"/> neurons: the copy
/// doubles the network's memory for a moment and its steps cost as much as the real ones, while a run of a larger
/// network is long enough that a few milliseconds of compilation do not show. The
/// copy has its own state and random streams, so the real run's results do not depend on it (tested).
/// </remarks>
internal static class ClockWarmup
{
    /// <summary>Largest network (in synapses) that gets a warm-up copy.</summary>
    public const long MaxSynapses = 5_000_000;

    /// <summary>Largest network (in neurons, all populations) that gets a warm-up copy: 100 steps of a million
    /// LIF neurons take about 40 ms, as long as the compilation the copy saves.</summary>
    public const long MaxNeurons = 1_000_000;

    /// <summary>Steps the copy is run for.</summary>
    public const int Steps = 100;

    /// <summary>Builds a copy with <paramref name="build"/> and runs it, then collects it (so that the collector
    /// does not reclaim it during the timed run); does nothing for large networks.</summary>
    public static void Run(
        SimulationNetwork real, Func<SimulationNetwork> build, Func<SimulationNetwork, int, IPlasticityRule?> rule,
        Func<SimulationNetwork, IReadOnlyList<StateRecorder>> stateRecorders, int threads)
    {
        if (RunCopy(real, build, rule, stateRecorders, threads))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool RunCopy(
        SimulationNetwork real, Func<SimulationNetwork> build, Func<SimulationNetwork, int, IPlasticityRule?> rule,
        Func<SimulationNetwork, IReadOnlyList<StateRecorder>> stateRecorders, int threads)
    {
        if (real.SynapseCount > MaxSynapses || real.Populations.Sum(p => (long)p.Size) > MaxNeurons)
        {
            return false;
        }

        var copy = build();
        using var engine = new ClockEngine(copy, threads);
        for (int c = 0; c < copy.Connections.Count; c++)
        {
            if (rule(copy, c) is { } plasticity)
            {
                engine.AddPlasticity(c, plasticity);
            }
        }

        var sink = new MemorySpikeSink();
        using var recorder = new SpikeRecorder([.. copy.Populations.Select(_ => true)], sink);
        engine.AddObserver(new SpikeStatistics([.. copy.Populations.Select(p => p.Size)]));
        engine.AddObserver(recorder);
        foreach (var stateRecorder in stateRecorders(copy))
        {
            engine.AddObserver(stateRecorder);
        }

        engine.Run(Steps);
        recorder.Complete();
        return true;
    }
}
