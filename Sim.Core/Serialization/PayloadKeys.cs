namespace NeuroSim.Core.Serialization;

/// <summary>
/// The integer keys of the MessagePack maps inside synapse files and checkpoints (docs/file-formats.md).
/// Keys are never reused: a field that is dropped keeps its number retired.
/// </summary>
internal static class PayloadKeys
{
    // Top-level map, shared by synapse files and checkpoints.
    public const int NetworkJson = 1;
    public const int NetworkFileName = 2;
    public const int Projections = 3;
    public const int Metadata = 4;
    public const int NeuronParameters = 5; // since 1.1

    // Top-level map, checkpoints only.
    public const int Trainer = 10;
    public const int Epoch = 11;
    public const int Batch = 12;
    public const int OptimizerState = 13;
    public const int RngState = 14;
    public const int Blobs = 15;

    // One projection's map.
    public const int Name = 1;
    public const int Source = 2;
    public const int Target = 3;
    public const int Layout = 4;
    public const int PreCount = 5;
    public const int PostCount = 6;
    public const int Weight = 7;
    public const int Delay = 8;
    public const int RowStart = 9;
    public const int Post = 10;
    public const int Bias = 11;
    public const int Receptor = 12;

    // One neuron parameter's map (since 1.1).
    public const int ParameterPopulation = 1;
    public const int ParameterName = 2;
    public const int ParameterValues = 3;
}
