using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// A plain double-precision clock-driven reference written independently of the event engine, following the
/// clock engine's documented step (LifPopulation/ClockEngine): step n adds the jumps due at n, propagates
/// exactly over dt with the textbook propagator (difference-of-exponentials form), holds V at V_r for k − 1
/// steps after a spike, tests V ≥ V_t, stamps t_n; a spike of step n is delivered at step n + 1 + delay.
/// Supports sparse projections and spike-time sources on the grid.
/// </summary>
internal static class GridReference
{
    public static List<(int Pop, int Neuron, double Time)> Run(EventNetwork net, double duration)
    {
        double dt = net.Dt;
        long steps = (long)Math.Round(duration / dt);
        var pops = net.Populations;
        var spikes = new List<(int, int, double)>();
        var v = pops.Select(p => p.IsLif ? (double[])p.InitialV.Clone() : []).ToArray();
        var ge = pops.Select(p => new double[p.Size]).ToArray();
        var gi = pops.Select(p => new double[p.Size]).ToArray();
        var held = pops.Select(p => new int[p.Size]).ToArray();
        int maxDelay = net.Projections.Select(pr => (int)Math.Round(pr.Delay / dt)).DefaultIfEmpty(0).Max() + 2;
        var ringE = pops.Select(p => new double[maxDelay, p.Size]).ToArray();
        var ringI = pops.Select(p => new double[maxDelay, p.Size]).ToArray();

        for (long n = 0; n < steps; n++)
        {
            int slot = (int)(n % maxDelay);
            var fired = new List<(int Pop, int Neuron)>();
            for (int p = 0; p < pops.Count; p++)
            {
                var pop = pops[p];
                if (!pop.IsLif)
                {
                    for (int i = 0; i < pop.Size; i++)
                        if (pop.SpikeTimes![i].Any(t => Math.Round(t / dt) == n))
                            fired.Add((p, i));
                    continue;
                }

                var c = pop.Lif!.Value;
                double pm = Math.Exp(-dt / c.TauM), pe = Math.Exp(-dt / c.TauE), pi = Math.Exp(-dt / c.TauI);
                double ke = c.TauE / (c.TauM - c.TauE) * (pm - pe), ki = c.TauI / (c.TauM - c.TauI) * (pm - pi);
                int k = (int)Math.Round(pop.Refractory / dt);
                for (int i = 0; i < pop.Size; i++)
                {
                    ge[p][i] += ringE[p][slot, i];
                    gi[p][i] += ringI[p][slot, i];
                    ringE[p][slot, i] = 0;
                    ringI[p][slot, i] = 0;
                    double next = c.Asymptote + (v[p][i] - c.Asymptote) * pm + ge[p][i] * ke + gi[p][i] * ki;
                    ge[p][i] *= pe;
                    gi[p][i] *= pi;
                    if (held[p][i] > 0)
                    {
                        held[p][i]--;
                        next = v[p][i];
                    }

                    v[p][i] = next;
                    if (next >= c.Threshold)
                    {
                        fired.Add((p, i));
                        v[p][i] = pop.Reset;
                        held[p][i] = Math.Max(k - 1, 0);
                    }
                }
            }

            foreach (var (p, i) in fired.OrderBy(f => f.Pop).ThenBy(f => f.Neuron))
            {
                spikes.Add((p, i, n * dt));
                foreach (var pr in net.Projections.Where(pr => pr.Source == p))
                {
                    int at = (int)((n + 1 + (long)Math.Round(pr.Delay / dt)) % maxDelay);
                    var ring = pr.Inhibitory ? ringI[pr.Target] : ringE[pr.Target];
                    for (int s = pr.RowStart![i]; s < pr.RowStart[i + 1]; s++)
                        ring[at, pr.Post![s]] += pr.Weights[s] * pr.Scale;
                }
            }
        }

        return spikes;
    }
}
