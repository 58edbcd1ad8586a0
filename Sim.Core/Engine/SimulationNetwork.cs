namespace NeuroSim.Core.Engine;

/// <summary>
/// A network ready to simulate: its populations (prepared for dt), the connections between them, and one
/// input ring per population that receives input. Built from a network file by
/// <c>SimulationNetworkBuilder</c>, or directly from parts in tests and benchmarks.
/// </summary>
public sealed class SimulationNetwork
{
    private readonly DeliveryRing<float>?[] _rings;
    private readonly DeliveryRing<double>?[] _rings64;

    /// <summary>Checks the parts against each other, prepares every population for <paramref name="dt"/> (ms)
    /// and sizes the rings for the longest delay into each population.</summary>
    /// <exception cref="ArgumentException">A connection does not fit its populations; the message names it.</exception>
    public SimulationNetwork(double dt, IReadOnlyList<ISpikingPopulation> populations,
        IReadOnlyList<Connection> connections, CurrentSchedule? currents = null)
    {
        if (!(dt > 0) || double.IsInfinity(dt))
        {
            throw new ArgumentException($"dt must be > 0 ms (got {dt} ms)", nameof(dt));
        }

        Dt = dt;
        Populations = populations;
        Connections = connections;
        Currents = currents ?? new CurrentSchedule();
        foreach (var population in populations)
        {
            population.Prepare(dt);
        }

        var maxDelay = new int[populations.Count];
        Array.Fill(maxDelay, -1);
        for (int c = 0; c < connections.Count; c++)
        {
            var connection = connections[c];
            Check(connection);
            maxDelay[connection.Target] = Math.Max(maxDelay[connection.Target], connection.MaxDelaySteps);
        }

        _rings = new DeliveryRing<float>?[populations.Count];
        _rings64 = new DeliveryRing<double>?[populations.Count];
        for (int p = 0; p < populations.Count; p++)
        {
            if (populations[p] is IFloat64Population { AcceptsInput: true })
            {
                _rings64[p] = new DeliveryRing<double>(populations[p].Size, Math.Max(maxDelay[p], 0));
            }
            else if (populations[p].AcceptsInput)
            {
                _rings[p] = new DeliveryRing<float>(populations[p].Size, Math.Max(maxDelay[p], 0));
            }
        }

        SynapseCount = connections.Sum(c => c.IsDense ? (long)c.PreSize * c.PostSize : c.Post!.LongLength);
    }

    /// <summary>The time step, ms.</summary>
    public double Dt { get; }

    /// <summary>The populations, in network-file order.</summary>
    public IReadOnlyList<ISpikingPopulation> Populations { get; }

    /// <summary>The connections, in network-file order (which fixes the order of summation into a ring).</summary>
    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>Constant currents switched on and off during the run.</summary>
    public CurrentSchedule Currents { get; }

    /// <summary>Total number of synapses.</summary>
    public long SynapseCount { get; }

    /// <summary>The index of the population called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int p = 0; p < Populations.Count; p++)
        {
            if (Populations[p].Name == name)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>The input ring of population <paramref name="population"/>; null for sources and float64
    /// populations.</summary>
    internal DeliveryRing<float>? Ring(int population) => _rings[population];

    /// <summary>The input ring of float64 population <paramref name="population"/>; null for all others.</summary>
    internal DeliveryRing<double>? Ring64(int population) => _rings64[population];

    private void Check(Connection c)
    {
        if (c.Source < 0 || c.Source >= Populations.Count || c.Target < 0 || c.Target >= Populations.Count)
        {
            throw new ArgumentException($"connection {c.Name}: source or target index out of range");
        }

        var source = Populations[c.Source];
        var target = Populations[c.Target];
        if (!target.AcceptsInput)
        {
            throw new ArgumentException($"connection {c.Name}: target '{target.Name}' takes no synaptic input");
        }

        if (c.IsDense)
        {
            if (c.PreSize != source.Size || c.PostSize != target.Size)
            {
                throw new ArgumentException(
                    $"connection {c.Name}: dense matrix is {c.PostSize} × {c.PreSize}, " +
                    $"populations are {target.Size} × {source.Size}");
            }

            return;
        }

        if (c.RowStart!.Length != source.Size + 1 || c.RowStart[^1] != c.Post!.Length)
        {
            throw new ArgumentException(
                $"connection {c.Name}: row starts must number source size + 1 = {source.Size + 1} and end at the " +
                $"synapse count {c.Post!.Length}");
        }

        for (int pre = 0; pre < source.Size; pre++)
        {
            if (c.RowStart[pre] < 0 || c.RowStart[pre] > c.RowStart[pre + 1])
            {
                throw new ArgumentException(
                    $"connection {c.Name}: row starts must be non-negative and ascending (row {pre}: " +
                    $"{c.RowStart[pre]} .. {c.RowStart[pre + 1]})");
            }
        }

        foreach (int post in c.Post)
        {
            if ((uint)post >= (uint)target.Size)
            {
                throw new ArgumentException(
                    $"connection {c.Name}: post index {post} outside target '{target.Name}' (size {target.Size})");
            }
        }
    }
}
