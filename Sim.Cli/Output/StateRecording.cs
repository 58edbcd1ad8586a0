using NeuroSim.Core.Engine;
using NeuroSim.Core.IO;
using NeuroSim.Core.Network;
using NeuroSim.Core.Recording;

namespace NeuroSim.Cli.Output;

/// <summary>Creates the state recorders a network file asks for and writes their samples as state.npz.</summary>
public static class StateRecording
{
    /// <summary>One recorder per entry of the file's <c>recording.state</c>.</summary>
    public static IReadOnlyList<StateRecorder> Create(NetworkSpec spec, SimulationNetwork network) =>
        spec.Recording.State.Select(s => new StateRecorder(
            network.Populations[network.IndexOf(s.Population)], s.Variables, s.Neurons,
            Math.Max(1, spec.Simulation.StepsOf(s.Interval)), network.Dt)).ToList();

    /// <summary>Writes <c>POP_times_ms</c> and <c>POP_VAR</c> [samples, neurons] per recorder: float32 values, or
    /// float64 for a float64 population (<c>"precision": "float64"</c>).</summary>
    public static void Write(string path, IReadOnlyList<StateRecorder> recorders)
    {
        foreach (var recorder in recorders)
        {
            recorder.Complete();
        }

        NpzWriter.WriteFile(path, npz =>
        {
            var named = new HashSet<string>();
            foreach (var r in recorders)
            {
                if (named.Add(r.Population + "_times_ms"))
                {
                    npz.AddVector<double>(r.Population + "_times_ms", r.Times.ToArray());
                    npz.AddVector<int>(r.Population + "_neurons", r.Neurons.ToArray());
                }

                for (int v = 0; v < r.Variables.Count; v++)
                {
                    if (!named.Add(r.Population + "_" + r.Variables[v]))
                    {
                        continue;
                    }

                    if (r.IsFloat64)
                    {
                        npz.Add<double>(r.Population + "_" + r.Variables[v], r.Values64(v).ToArray(),
                            [r.Times.Count, r.Neurons.Count]);
                    }
                    else
                    {
                        npz.Add<float>(r.Population + "_" + r.Variables[v], r.Values(v).ToArray(),
                            [r.Times.Count, r.Neurons.Count]);
                    }
                }
            }
        });
    }
}
