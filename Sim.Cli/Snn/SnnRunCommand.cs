using System.Globalization;
using System.Text.Json;
using NeuroSim.Cli.Output;
using NeuroSim.Cli.Plotting;
using NeuroSim.Cli.Training;
using NeuroSim.Core.Engine;
using NeuroSim.Core.IO;
using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Sources;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;
using NeuroSim.Neurons.Leaky;
using NeuroSim.Neurons.Snu;

namespace NeuroSim.Cli.Snn;

/// <summary>
/// <c>neurosim run SYNAPSES --sample K [--data SET]</c>: runs an SNN-trained synapse file (network definition and
/// trained weights, used as they are in the store) with the clock engine on test sample K, encoded by the
/// training's encoder and seed with key K (as eval encodes it), and writes spikes.npz, readout.json and
/// raster.png.
/// </summary>
/// <remarks>
/// The engine delivers a spike found in step n at step n + 1, while the trainer passes spikes through every
/// layer within the same step; so a layer at depth d (input = 0) runs engine steps d .. d + T − 1, which are
/// trainer steps 0 .. T − 1 (<see cref="ITrainedLayerPopulation.StartStep"/>), and the run lasts T + D steps (D the
/// readout's depth). With that fixed latency of one step per layer the spikes are those of the trainer's forward
/// pass; spike times in spikes.npz are engine times (step × dt). Layers of kind leaky run as
/// <see cref="LeakyPopulation"/>, snu as <see cref="SnuPopulation"/>, with the store's trained thresholds; ssnu only
/// as a non-recurrent readout (soft <see cref="SnuPopulation"/>, output y read from its state), since its
/// real-valued output cannot travel as spikes.
/// </remarks>
public static class SnnRunCommand
{
    /// <summary>Runs sample <paramref name="sample"/> of the test set and returns what the engine produced.</summary>
    public static SnnRunResult Simulate(SynapseFileContents contents, DataSet test, int sample, int threads = 1)
    {
        var spec = contents.Network;
        var reader = spec.CreateReader();
        var training = SnnTrainingReader.Read(reader, spec.Training);
        reader.ThrowIfErrors();
        training = training! with { Encoder = training.Encoder with { DtMs = spec.Simulation.Dt } };
        SpikingNetworkBuilder.Build(spec, contents.Store, training); // validates the chain as training did
        var depth = Depths(spec, contents, reader);
        reader.ThrowIfErrors();
        if (sample < 0 || sample >= test.Count)
        {
            throw new ArgumentException($"--sample must be in [0, {test.Count - 1}] for {test.Name} (got {sample})");
        }

        int steps = training.Options.Bptt.Steps;
        var factories = new PopulationFactories().AddLeaky(training.Reset == ResetMode.Subtract).AddSnu()
            .AddSoftSnuReadout()
            .Register("input", (p, _) => new SampleInputPopulation(p.Name, p.Size));
        // Trained layers run in float32 whatever the file's simulation.precision says (train ignores it too).
        var network = SimulationNetworkBuilder.Build(spec, contents.Store, factories, precision: Precision.Float32);
        var input = (SampleInputPopulation)network.Populations.Single(p => p is SampleInputPopulation);
        if (input.Size != test.Features)
        {
            throw new ArgumentException($"{test.Name} has {test.Features} features but input population " +
                $"'{input.Name}' has {input.Size} neurons");
        }

        var raster = new float[steps * input.Size];
        training.Encoder.Create(steps).Encode(test.Sample(sample), raster, (ulong)sample);
        input.Load(raster, steps);
        foreach (var p in spec.Populations)
        {
            if (network.Populations[p.Index] is ITrainedLayerPopulation layer)
            {
                layer.StartStep = depth[p.Index];
                layer.ActiveSteps = steps;
                layer.Bias = spec.Projections.Where(r => r.Target == p.Name && r.Source != p.Name)
                    .Select(r => contents.Store[r.Name].Bias).FirstOrDefault(b => b is not null);
                layer.Thresholds = contents.Store.TryGetNeuronParameter(p.Name,
                    SpikingNetworkBuilder.ThresholdParameter, out float[] theta) ? theta : null;
            }
        }

        int readoutIndex = Array.IndexOf(depth, depth.Max());
        int classes = network.Populations[readoutIndex].Size;
        int latency = depth[readoutIndex];
        var readout = new float[steps * classes];
        var membrane = new float[steps * classes];
        float[] v = network.Populations[readoutIndex].Variable("v");
        float[]? soft = network.Populations[readoutIndex] is SnuPopulation { Soft: true } s ? s.Variable("y") : null;
        int count = network.Populations.Count;
        var stepLists = Enumerable.Range(0, count).Select(_ => new List<long>()).ToArray();
        var neuronLists = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        using var engine = new ClockEngine(network, threads);
        for (int n = 0; n < steps + latency; n++)
        {
            engine.Step();
            for (int p = 0; p < count; p++)
            {
                foreach (int k in engine.LastSpikes(p))
                {
                    stepLists[p].Add(n);
                    neuronLists[p].Add(k);
                }
            }

            int t = n - latency;
            if (t >= 0)
            {
                v.AsSpan().CopyTo(membrane.AsSpan(t * classes, classes));
                soft?.AsSpan().CopyTo(readout.AsSpan(t * classes, classes));
                foreach (int k in engine.LastSpikes(readoutIndex))
                {
                    readout[t * classes + k] = 1f;
                }
            }
        }

        var counts = new int[classes];
        for (int i = 0; i < readout.Length; i++)
        {
            counts[i % classes] += (int)readout[i];
        }

        // The decoder of the training loss, as eval chooses it: membrane losses by mean membrane, else by count.
        ISpikeDecoder decoder = training.Options.Bptt.Loss is SpikingLoss.MembraneMse
            or SpikingLoss.MembraneCrossEntropy ? new MeanMembraneDecoder() : new SpikeCountDecoder();
        int predicted = decoder.Decode(readout, membrane, steps, classes);
        return new SnnRunResult(network.Populations.Select(p => p.Name).ToList(),
            network.Populations.Select(p => p.Size).ToList(), stepLists.Select(l => l.ToArray()).ToList(),
            neuronLists.Select(l => l.ToArray()).ToList(), depth, steps + latency, steps, readout, membrane, counts,
            predicted);
    }

    /// <summary>Runs the command; returns an exit code from <see cref="ExitCodes"/>.</summary>
    public static int Run(string path, int sample, string? data, string? outDir, int threads)
    {
        SynapseFileContents contents;
        SnnRunResult result;
        DataSet test;
        try
        {
            contents = SynapseFile.Load(path, SnnTrainingReader.LoadOptions());
            if (!SnnTrainingReader.IsSnn(contents.Network.Training))
            {
                return Fail(ExitCodes.BadInput, $"{path}: $.training.mode: --sample runs synapse files of SNN " +
                    "training (training.mode \"snn\") only");
            }

            var reader = contents.Network.CreateReader();
            var training = SnnTrainingReader.Read(reader, contents.Network.Training);
            reader.ThrowIfErrors();
            (_, test) = AnnSession.LoadData(training!.Data, data, path);
            result = Simulate(contents, test, sample, threads);
        }
        catch (NetworkValidationException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException
            or SynapseFileException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }

        var spec = contents.Network;
        string dir = outDir ?? Path.Combine("runs", spec.Name + "-sample" + sample);
        double dt = spec.Simulation.Dt;
        try
        {
            Directory.CreateDirectory(dir);
            var series = result.Names.Select((name, p) => new RasterPlot.Series(name, result.Sizes[p],
                result.SpikeSteps[p].Select(s => s * dt).ToArray(), result.SpikeNeurons[p])).ToList();
            NpzWriter.WriteFile(Path.Combine(dir, "spikes.npz"), npz =>
            {
                foreach (var s in series)
                {
                    npz.AddVector<double>(s.Name + "_times_ms", s.TimesMs);
                    npz.AddVector<int>(s.Name + "_senders", s.Senders);
                }
            });
            int label = test.Labels[sample];
            // A soft (sSNU) readout emits no spikes: report the sums of its outputs y over the window instead.
            int classes = result.Counts.Length;
            int readoutIndex = result.Latency.Select((d, i) => (d, i)).MaxBy(x => x.d).i;
            bool soft = spec.Populations[readoutIndex].KindName == "ssnu";
            double[] sums = [.. Enumerable.Range(0, classes).Select(k =>
                Enumerable.Range(0, result.Steps).Sum(t => (double)result.Readout[t * classes + k]))];
            var json = new Dictionary<string, object>
            {
                ["network"] = spec.Name, ["data"] = test.Name, ["sample"] = sample, ["label"] = label,
                ["steps"] = result.Steps, ["engine_steps"] = result.EngineSteps, ["dt_ms"] = dt,
                ["latency_steps"] = result.Names.Select((n, i) => (n, i))
                    .ToDictionary(x => x.n, x => result.Latency[x.i]),
                [soft ? "readout_sums" : "readout_counts"] = soft ? sums : result.Counts,
                ["predicted"] = result.Predicted,
            };
            AtomicFile.WriteAllText(Path.Combine(dir, "readout.json"),
                JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            RasterPlot.Save(Path.Combine(dir, "raster.png"), series, result.EngineSteps * dt,
                $"{spec.Name}: test sample {sample} (label {label}), clock engine");
            Console.WriteLine($"{spec.Name}: test sample {sample} of {test.Name}, label {label}, predicted " +
                $"{result.Predicted}; " + (soft
                    ? $"readout output sums [{string.Join(", ", sums.Select(x => x.ToString("F3", Invariant)))}]"
                    : $"readout spike counts [{string.Join(", ", result.Counts)}]"));
            Console.WriteLine($"{result.Steps} trainer steps = {result.EngineSteps} engine steps (one step of " +
                $"latency per layer); output in {dir}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.OutputFailed, $"{dir}: {ex.Message}");
        }

        return ExitCodes.Ok;
    }

    // Depth of every population on the chain from the input (input 0, each layer one more); the leaky and snu
    // kinds run in the clock engine, ssnu only where nothing receives its real-valued output (a readout without
    // recurrent weights), and projections must have no delay (the latency mapping assumes it).
    private static int[] Depths(NetworkSpec spec, SynapseFileContents contents, SpecReader reader)
    {
        var depth = new int[spec.Populations.Count];
        foreach (var p in spec.Populations)
        {
            if (p.KindName == "ssnu" && spec.Projections.Any(r => r.Source == p.Name))
            {
                reader.Error($"$.populations[{p.Index}].kind", "the clock engine runs soft SNUs only as the " +
                    "readout without recurrent weights: their output σ(s − θ) is a real number in (0, 1) at every " +
                    "step, and the engine's spikes carry only whole weights (use snu, or evaluate with neurosim " +
                    "eval)",
                    p.KindName);
            }
            else if (p.KindName is not ("input" or "leaky" or "snu" or "ssnu"))
            {
                reader.Error($"$.populations[{p.Index}].kind",
                    "the clock engine runs trained SNNs of kinds leaky and snu only", p.KindName);
            }
        }

        foreach (var r in spec.Projections)
        {
            if (contents.Store[r.Name].GetDelaySteps(spec.Simulation.Dt).Any(s => s != 0))
            {
                reader.Error($"$.projections[{r.Index}].delay", "trained SNN projections must have no delay",
                    r.Name);
            }
        }

        string current = spec.Populations.First(p => p.KindName == "input").Name;
        for (int d = 1; ; d++)
        {
            var next = spec.Projections.FirstOrDefault(r => r.Source == current && r.Target != current);
            if (next is null)
            {
                break;
            }

            depth[spec.Population(next.Target).Index] = d;
            current = next.Target;
        }

        return depth;
    }

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"neurosim: {message}");
        return code;
    }
}
