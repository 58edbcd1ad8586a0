namespace NeuroSim.Cli.Snn;

/// <summary>
/// What <see cref="SnnRunCommand.Simulate"/> found for one sample: every population's spikes in engine steps, the
/// layer latencies, and the readout in trainer steps (spikes and membrane [T, classes]) with its decoded class.
/// </summary>
/// <param name="Names">Population names, in file order.</param>
/// <param name="Sizes">Population sizes.</param>
/// <param name="SpikeSteps">Per population, the engine step of each spike (ascending).</param>
/// <param name="SpikeNeurons">Per population, the neuron of each spike.</param>
/// <param name="Latency">Per population, its depth d: engine step d + t is trainer step t.</param>
/// <param name="EngineSteps">Engine steps run (T + depth of the readout).</param>
/// <param name="Steps">T, the trainer's steps per sample.</param>
/// <param name="Readout">Readout spikes [T, classes] in trainer steps.</param>
/// <param name="ReadoutMembrane">Readout membrane before reset [T, classes] in trainer steps.</param>
/// <param name="Counts">Readout spike count per class.</param>
/// <param name="Predicted">Class chosen by the training loss's decoder.</param>
public sealed record SnnRunResult(IReadOnlyList<string> Names, IReadOnlyList<int> Sizes,
    IReadOnlyList<long[]> SpikeSteps, IReadOnlyList<int[]> SpikeNeurons, IReadOnlyList<int> Latency,
    int EngineSteps, int Steps, float[] Readout, float[] ReadoutMembrane, int[] Counts, int Predicted);
