using NeuroSim.Core.Engine;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

/// <summary>Drives one LIF population step by step without an engine, recording V and spike steps.</summary>
internal sealed class LifHarness
{
    public LifHarness(LifParameters p, int size = 1, double dt = 0.1)
    {
        Population = new LifPopulation("lif", size, p);
        Population.Prepare(dt);
        Dt = dt;
        InE = new float[size];
        InI = new float[size];
        Spikes = new SpikeBuffer(size);
    }

    public LifPopulation Population { get; }

    public double Dt { get; }

    public float[] InE { get; }

    public float[] InI { get; }

    public SpikeBuffer Spikes { get; }

    public long Step { get; private set; }

    /// <summary>Runs one step; returns whether neuron 0 spiked.</summary>
    public bool Advance()
    {
        Spikes.Clear();
        for (int i = 0; i < Population.Size; i++)
        {
            Population.Ge[i] += InE[i];
            Population.Gi[i] += InI[i];
        }

        Array.Clear(InE);
        Array.Clear(InI);
        Population.Advance(Step, 0, Population.Size, default, Spikes);
        Step++;
        return Spikes.Count > 0 && Spikes.Indices[0] == 0;
    }

    /// <summary>Runs <paramref name="steps"/> steps; returns the steps in which neuron 0 spiked.</summary>
    public List<long> SpikeSteps(long steps)
    {
        var result = new List<long>();
        for (long s = 0; s < steps; s++)
        {
            long step = Step;
            if (Advance())
            {
                result.Add(step);
            }
        }

        return result;
    }

    /// <summary>The oracle neuron of docs/oracles.md: tau 10 ms, C 250 pF, E_l = V_r = -70 mV, V_t = -55 mV.</summary>
    public static LifParameters Oracle(double refractory = 2.0, double threshold = -55.0, double tauE = 2.0,
        double tauI = 2.0, double tauM = 10.0) =>
        new(tauM, 250.0, -70.0, threshold, -70.0, refractory, tauE, tauI);
}
