using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;
using NeuroSim.Core.Network;
using NeuroSim.Core.Plasticity;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Neurons.EventDriven;

/// <summary>
/// Builds the event-driven engine's view (<see cref="EventNetwork"/>) of a clock-engine
/// <see cref="SimulationNetwork"/>: the same populations, the same weight arrays (not copies), the same weight
/// scales and delays, so both engines run one network. It lives here, not in Sim.Core, because it reads the
/// LIF population's parameters.
/// </summary>
public static class EventNetworkFactory
{
    /// <summary>
    /// The event view of <paramref name="network"/> (prepared for its dt, with any injected currents applied).
    /// <paramref name="rules"/> gives the plasticity rule of connection c, or null; <paramref name="delayMs"/> the
    /// delay of connection c in ms when it is not a whole number of steps (exact timing; default: the connection's
    /// whole steps × dt).
    /// </summary>
    /// <exception cref="NotSupportedException">A population kind or per-synapse delays the event engine does not
    /// support; the message names the population or connection.</exception>
    public static EventNetwork From(SimulationNetwork network, Func<int, IPlasticityRule?>? rules = null,
        Func<int, double>? delayMs = null)
    {
        ArgumentNullException.ThrowIfNull(network);

        // Currents on from the start are part of each neuron's constant drive; currents that switch during the
        // run would change the closed form mid-way.
        // Not yet: switching currents need a drive-change event that re-predicts the whole target population.
        if (network.Currents.ChangeSteps.Any(s => s > 0))
            throw new NotSupportedException(
                "the event-driven engine needs current inputs that are on for the whole run (no start/stop)");
        network.Currents.ApplyDue(0);
        var pops = new List<EventPopulation>();
        foreach (var population in network.Populations)
            pops.Add(Convert(population));

        var projs = new List<EventProjection>();
        for (int c = 0; c < network.Connections.Count; c++)
            projs.Add(Convert(network, c, rules?.Invoke(c), delayMs));

        return new EventNetwork(network.Dt, pops, projs);
    }

    // The clock kernel compares and resets with the float32 values of V_t and V_r and a float32 V_inf (widened in
    // float64): use the same values, so both engines test the same threshold against the same asymptote. The
    // state is read as double (exact from either precision).
    private static EventPopulation Lif<T>(LifPopulationBase<T> lif)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var p = lif.Parameters;
        var drive = new double[lif.Size];
        var vInf = lif.VInf;
        for (int i = 0; i < drive.Length; i++)
            drive[i] = double.CreateTruncating(vInf[i]) - p.RestingPotential;
        var v0 = new double[lif.Size];
        var v = lif.V;
        for (int i = 0; i < v0.Length; i++)
            v0[i] = double.CreateTruncating(v[i]);
        var constants = new LifConstants(p.TauM, p.TauExc, p.TauInh, p.RestingPotential, 0, (float)p.Threshold);
        return EventPopulation.LifNeurons(lif.Name, constants, (float)p.Reset, p.Refractory, v0, drive);
    }

    private static EventPopulation Convert(ISpikingPopulation population)
    {
        if (population is LifPopulation lif)
            return Lif(lif);

        if (population is Float64LifPopulation wide)
            return Lif(wide);

        if (population is SpikeTimeSourcePopulation timed)
            return EventPopulation.Source(timed.Name, timed.Times);

        if (!population.AcceptsInput)
            return EventPopulation.SteppedSource(population);

        throw new NotSupportedException(
            $"population '{population.Name}': the event-driven engine runs lif neurons and sources only");
    }

    private static EventProjection Convert(SimulationNetwork network, int index, IPlasticityRule? rule,
        Func<int, double>? delayMs)
    {
        var c = network.Connections[index];
        if (c.DelaySteps is not null)
            throw new NotSupportedException(
                $"connection '{c.Name}': the event-driven engine needs one delay per projection");

        int pre = network.Populations[c.Source].Size, post = network.Populations[c.Target].Size;
        double delay = delayMs?.Invoke(index) ?? c.UniformDelaySteps * network.Dt;
        bool inhibitory = c.Receptor == Receptor.Inhibitory;
        // The clock engine delivers Weight[k] as the jump itself (mV); its per-connection scale, when it has one,
        // must be applied here too.
        const float scale = 1f;
        return c.IsDense
            ? new EventProjection(c.Name, c.Source, c.Target, inhibitory, null, null, c.Dense!, pre, post,
                scale, delay, rule)
            : new EventProjection(c.Name, c.Source, c.Target, inhibitory, c.RowStart, c.Post, c.Weight!, pre, post,
                scale, delay, rule);
    }
}
