using NeuroSim.Core.Network;
using NeuroSim.Core.Synapses;
using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Conversion;

namespace NeuroSim.Bench.Snn;

/// <summary>
/// ANN-to-SNN experiment of docs/results-snn.md: <c>NeuroSim.Bench ann-to-snn FILE EPOCHS [STEPS...]</c> trains
/// the rate network of FILE (ann's trainer, its training section) on its data set, then runs the same
/// synapse-store weights as an IF spiking network (Poisson input with p = pixel per step, thresholds from
/// data-based normalisation on 1,000 training samples, 99.9th percentile) for each T in STEPS and prints the
/// ANN's and the SNN's test accuracy.
/// </summary>
public static class AnnToSnnExperiment
{
    public static int Run(string[] args)
    {
        string file = args[1];
        int epochs = int.Parse(args[2]);
        int[] steps = args.Length > 3 ? args[3..].Select(int.Parse).ToArray() : [25, 50, 100, 200];
        var spec = NetworkLoader.Load(file, new NetworkLoadOptions { Training = TrainingSectionReader.Validate });
        var reader = spec.CreateReader();
        var training = TrainingSectionReader.Read(reader, spec.Training)!;
        reader.ThrowIfErrors();
        var store = SynapseStoreBuilder.Build(spec);
        var ann = AnnNetworkBuilder.Build(spec, store);
        AnnNetworkBuilder.Reinitialise(spec, ann, training.Options.Seed);
        var (train, test) = DataSetLocator.Load(training.Data.Set);
        var trainer = new AnnTrainer(ann, training.Options);
        for (int e = 0; e < epochs; e++)
        {
            trainer.TrainEpoch(train, e);
        }

        var (_, annAccuracy) = trainer.Evaluate(test);
        Console.WriteLine($"{spec.Name}: ANN {string.Join("-", ann.Sizes())} after {epochs} epochs, seed " +
            $"{training.Options.Seed}: test accuracy {100 * annAccuracy:F2}% ({test.Count} samples)");
        var converted = AnnToSnnConverter.Convert(ann, train, samples: 1000, percentile: 99.9);
        Console.WriteLine($"  scales λ per layer: {string.Join(", ", converted.Scales.Select(s => s.ToString("G4")))}");
        foreach (int t in steps)
        {
            var engine = new BpttEngine(converted.Network, new PoissonEncoder(t, 1000, 1, 11),
                new BpttOptions(t, SpikingLoss.CountCrossEntropy, Threads: Environment.ProcessorCount), 128);
            double snn = SpikingEvaluation.Accuracy(engine, test);
            Console.WriteLine($"  SNN (IF, Poisson input) T = {t,4}: test accuracy {100 * snn:F2}% " +
                $"(ANN − SNN = {100 * (annAccuracy - snn):F2} points)");
        }

        return 0;
    }
}
