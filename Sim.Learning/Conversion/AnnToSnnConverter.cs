using NeuroSim.Encoders.Data;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Blas;
using NeuroSim.Learning.Spiking;
using NeuroSim.Learning.Surrogates;

namespace NeuroSim.Learning.Conversion;

/// <summary>
/// Runs an ANN-trained ReLU network as a spiking network on the same synapse-store weights: rate-coded input,
/// integrate-and-fire neurons (β = 1, reset by subtraction) whose thresholds are scaled by data-based
/// normalisation (Diehl et al., IJCNN 2015; Rueckauer et al., Frontiers in Neuroscience 11, 2017).
/// </summary>
/// <remarks>
/// An IF neuron with reset by subtraction and constant input current I fires at rate I/θ per step (for
/// 0 ≤ I ≤ θ), so its rate approximates ReLU(a)/θ. With λ_l the p-th percentile of layer l's ReLU activations
/// on calibration data (λ_0 = 1 for inputs in [0, 1]) and spike rates r_{l−1} ≈ a_{l−1}/λ_{l−1}, layer l
/// receives I = (W_l a_{l−1} + b_l)/λ_{l−1}; the threshold θ_l = λ_l/λ_{l−1} then gives r_l ≈ a_l/λ_l ≤ 1.
/// The weights W_l are the store's arrays, unchanged; only the bias is rescaled (b_l/λ_{l−1}, a derived copy).
/// The readout layer is converted the same way (its linear activations clipped at 0 for λ) and decoded by
/// spike count, ties broken by the integrated membrane, which follows the ANN's logits.
/// </remarks>
public static class AnnToSnnConverter
{
    /// <summary>Builds the spiking twin of <paramref name="ann"/>.</summary>
    /// <param name="ann">ReLU hidden layers, linear readout.</param>
    /// <param name="calibration">Samples whose activations set the thresholds (training data).</param>
    /// <param name="samples">How many calibration samples to use (at most the set's size).</param>
    /// <param name="percentile">Percentile of positive activations taken as λ (99.9 is Rueckauer's choice).</param>
    public static ConvertedNetwork Convert(AnnNetwork ann, DataSet calibration, int samples = 1000,
        double percentile = 99.9)
    {
        ArgumentNullException.ThrowIfNull(ann);
        ArgumentNullException.ThrowIfNull(calibration);
        for (int l = 0; l < ann.Layers.Count; l++)
        {
            var expected = l == ann.Layers.Count - 1 ? Activation.Linear : Activation.Relu;
            if (ann.Layers[l].Activation != expected)
            {
                throw new ArgumentException($"layer {ann.Layers[l].Name}: conversion to spikes needs " +
                    $"{(expected == Activation.Relu ? "relu hidden layers" : "a linear readout")} " +
                    $"(got {ann.Layers[l].Activation})");
            }
        }

        double[] lambda = Calibrate(ann, calibration, Math.Min(samples, calibration.Count), percentile);
        var surrogate = new FastSigmoidSurrogate();
        var layers = new List<SpikingLayer>();
        for (int l = 0; l < ann.Layers.Count; l++)
        {
            var dense = ann.Layers[l];
            double below = l == 0 ? 1.0 : lambda[l - 1];
            var options = new SpikingLayerOptions(dense.Inputs, dense.Outputs, SpikingNeuronModel.Lif, Beta: 1f,
                Threshold: (float)(lambda[l] / below), ResetMode.Subtract, false, false, surrogate);
            float[]? bias = dense.Bias?.Select(b => (float)(b / below)).ToArray();
            layers.Add(new SpikingLayer(options, dense.Weights, bias));
        }

        var network = new SpikingNetwork(layers);
        network.PrepareBatch();
        return new ConvertedNetwork(network, lambda);
    }

    // λ_l: the percentile of the positive activations max(0, a_l) of each layer over the calibration samples.
    private static double[] Calibrate(AnnNetwork ann, DataSet data, int count, double percentile)
    {
        var lambda = new double[ann.Layers.Count];
        float[] h = data.Inputs.AsSpan(0, count * data.Features).ToArray();
        for (int l = 0; l < ann.Layers.Count; l++)
        {
            var layer = ann.Layers[l];
            var a = new float[count * layer.Outputs];
            if (layer.Bias is not null)
            {
                for (int i = 0; i < count; i++)
                {
                    layer.Bias.CopyTo(a, i * layer.Outputs);
                }
            }

            Gemm.Sgemm(false, true, count, layer.Outputs, layer.Inputs, 1f, h, layer.Inputs, layer.Weights,
                layer.Inputs, layer.Bias is null ? 0f : 1f, a, layer.Outputs);
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = Math.Max(0f, a[i]);
            }

            var positive = a.Where(v => v > 0f).OrderBy(v => v).ToArray();
            lambda[l] = positive.Length == 0
                ? 1.0
                : positive[Math.Min(positive.Length - 1, (int)(percentile / 100.0 * (positive.Length - 1)))];
            h = a;
        }

        return lambda;
    }
}
