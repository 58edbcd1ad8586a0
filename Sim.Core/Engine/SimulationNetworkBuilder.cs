using NeuroSim.Core.Network;
using NeuroSim.Core.Random;
using NeuroSim.Core.Synapses;

namespace NeuroSim.Core.Engine;

/// <summary>
/// Instantiates a validated <see cref="NetworkSpec"/> and its <see cref="SynapseStore"/> for the clock engine:
/// one population per spec entry (through <see cref="PopulationFactories"/>), initial state drawn from the
/// spec's <c>init</c>, one <see cref="Connection"/> per projection reading the store's arrays in place, and
/// the current inputs' schedule.
/// </summary>
/// <remarks>
/// Initial values come from one stream per (seed, population, variable) (<see cref="SplitMix64"/>), so they do
/// not depend on the order of populations or on threads. Problems found here (a kind the clock engine cannot
/// run, a parameter that does not fit dt) are reported all at once as a <see cref="NetworkValidationException"/>
/// with the JSON path of each.
/// </remarks>
public static class SimulationNetworkBuilder
{
    /// <summary>Builds the network; <paramref name="seed"/> overrides the file's simulation seed and
    /// <paramref name="precision"/> its precision. In float64, populations that take input are created by their
    /// kind's float64 factory; a kind without one (the trained leaky and SNU layers) is an error at
    /// <c>$.simulation.precision</c>; sources, which have no state to widen, are created as in float32.</summary>
    public static SimulationNetwork Build(NetworkSpec spec, SynapseStore store, PopulationFactories factories,
        long? seed = null, Precision? precision = null)
    {
        var reader = spec.CreateReader();
        ulong runSeed = unchecked((ulong)(seed ?? spec.Simulation.Seed));
        double dt = spec.Simulation.Dt;
        bool float64 = (precision ?? spec.Simulation.Precision) == Precision.Float64;
        var populations = new ISpikingPopulation[spec.Populations.Count];
        foreach (var p in spec.Populations)
        {
            populations[p.Index] = CreatePopulation(p, runSeed, dt, factories, reader, float64)!;
        }

        reader.ThrowIfErrors();
        foreach (var p in spec.Populations)
        {
            Initialise(populations[p.Index], p, runSeed, reader);
        }

        var connections = new List<Connection>();
        foreach (var projection in spec.Projections)
        {
            if (CreateConnection(spec, store, projection, dt, reader) is { } connection)
            {
                connections.Add(connection);
            }
        }

        reader.ThrowIfErrors();
        var currents = CurrentSchedule.From(spec, populations);
        return new SimulationNetwork(dt, populations, connections, currents);
    }

    private static ISpikingPopulation? CreatePopulation(PopulationSpec p, ulong seed, double dt,
        PopulationFactories factories, SpecReader reader, bool float64)
    {
        string path = $"$.populations[{p.Index}]";
        PopulationFactory? factory64 = null;
        if (float64 && factories.TryGetFloat64(p.KindName, out var found))
        {
            factory64 = found;
        }

        if (!factories.TryGet(p.KindName, out var factory))
        {
            reader.Error(path + ".kind",
                $"kind cannot be simulated by the clock engine (it runs: {string.Join(", ", factories.Kinds)})",
                p.KindName);
            return null;
        }

        try
        {
            var population = (factory64 ?? factory)(p, seed);
            if (float64 && population is not IFloat64Population && population.AcceptsInput)
            {
                reader.Error("$.simulation.precision",
                    $"float64 (the file's precision or --precision) runs lif populations and sources only; " +
                    $"population '{p.Name}' (kind {p.KindName}) keeps float32 state: use float32", "float64");
                return null;
            }

            population.Prepare(dt);
            return population;
        }
        catch (ArgumentException ex)
        {
            string where = ex.ParamName is { Length: > 0 } name && p.Kind.FindParameter(name) is not null
                ? $"{path}.params.{name}"
                : path;
            reader.Error(where, ex.Message);
            return null;
        }
    }

    private static void Initialise(ISpikingPopulation population, PopulationSpec p, ulong seed, SpecReader reader)
    {
        foreach (var (variable, init) in p.Init.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!population.Variables.Contains(variable))
            {
                reader.Error($"$.populations[{p.Index}].init.{variable}",
                    $"unknown state variable (known: {string.Join(", ", population.Variables)})", variable);
                continue;
            }

            // Float64 populations get the same float32 initial values (the event engine starts from them too).
            var rng = new SplitMix64(SplitMix64.Derive(seed, SplitMix64.StreamId(p.Name + "/init/" + variable)));
            if (population is IFloat64Population float64)
            {
                double[] wide = float64.Variable64(variable);
                for (int i = 0; i < wide.Length; i++)
                {
                    wide[i] = Draw(init, ref rng);
                }

                continue;
            }

            float[] values = population.Variable(variable);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Draw(init, ref rng);
            }
        }
    }

    private static float Draw(InitSpec init, ref SplitMix64 rng) => (float)(init.Kind switch
    {
        InitKind.Constant => init.A,
        InitKind.Uniform => rng.NextUniform(init.A, init.B),
        _ => init.A + init.B * rng.NextGaussian(),
    });

    private static Connection? CreateConnection(NetworkSpec spec, SynapseStore store, ProjectionSpec ps, double dt,
        SpecReader reader)
    {
        var projection = store[ps.Name];
        int source = spec.Population(ps.Source).Index;
        int target = spec.Population(ps.Target).Index;
        int[] steps = projection.GetDelaySteps(dt);
        bool uniform = steps.Length == 0 || Array.TrueForAll(steps, s => s == steps[0]);
        int first = steps.Length == 0 ? 0 : steps[0];
        if (projection.Layout == ProjectionLayout.Dense)
        {
            if (!uniform)
            {
                reader.Error($"$.projections[{ps.Index}].delay",
                    "the clock engine runs dense projections with one delay for all synapses");
                return null;
            }

            return Connection.DenseMatrix(ps.Name, source, target, ps.Receptor, projection.Weight,
                projection.PreCount, projection.PostCount, first);
        }

        return Connection.Sparse(ps.Name, source, target, ps.Receptor, projection.RowStart, projection.Post,
            projection.Weight, uniform ? null : steps, first);
    }
}
