namespace NeuroSim.Learning.Spiking;

/// <summary>A feed-forward stack of trainable spiking layers; the last layer is the readout (one neuron per
/// class).</summary>
public sealed class SpikingNetwork
{
    /// <summary>Creates the network; each layer's input size must equal the previous layer's size.</summary>
    public SpikingNetwork(IReadOnlyList<SpikingLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("a spiking network needs at least one layer", nameof(layers));
        }

        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].InputSize != layers[l - 1].Size)
            {
                throw new ArgumentException(
                    $"layer {l} expects {layers[l].InputSize} inputs but layer {l - 1} has " +
                    $"{layers[l - 1].Size} neurons",
                    nameof(layers));
            }
        }

        Layers = layers;
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<SpikingLayer> Layers { get; }

    /// <summary>Input size of the first layer.</summary>
    public int InputSize => Layers[0].InputSize;

    /// <summary>Number of readout neurons (classes).</summary>
    public int OutputSize => Layers[^1].Size;

    /// <summary>Refreshes every layer's scratch copies after a weight update.</summary>
    public void PrepareBatch()
    {
        foreach (var layer in Layers)
        {
            layer.PrepareBatch();
        }
    }
}
