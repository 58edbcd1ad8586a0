using NeuroSim.Core.Network;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// Maps the trainable spiking kinds of the network file (<see cref="TrainableSpikingKinds"/>: "leaky", "snu",
/// "ssnu", registered in <see cref="NeuronCatalog.Default"/>) to the models of <see cref="SpikingLayer"/>.
/// </summary>
public static class SpikingNeuronKinds
{
    /// <summary>The model of a kind name, or null when it is not a trainable spiking kind.</summary>
    public static SpikingNeuronModel? ModelOf(string kind) => kind switch
    {
        "leaky" => SpikingNeuronModel.Lif,
        "snu" => SpikingNeuronModel.Snu,
        "ssnu" => SpikingNeuronModel.SoftSnu,
        _ => null,
    };
}
