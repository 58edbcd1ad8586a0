using NeuroSim.Encoders.Data;
using NeuroSim.Encoders.Spikes;
using NeuroSim.Learning;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Conversion;
using NeuroSim.Learning.Initialization;

namespace NeuroSim.Tests.Learning.Conversion;

public class AnnToSnnConverterTests
{
    private static (AnnNetwork Ann, DataSet Data) MakeAnn()
    {
        var random = new TrainingRandom(21);
        DenseLayer Layer(string name, int m, int n, Activation f)
        {
            var w = new float[n * m];
            WeightInitializer.Fill(WeightInit.HeUniform, w, m, n, random);
            return new DenseLayer(name, m, n, f, w, null);
        }

        var ann = new AnnNetwork(16, [Layer("h", 16, 24, Activation.Relu), Layer("out", 24, 4, Activation.Linear)]);
        var x = new float[400 * 16];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextSingle();
        }

        return (ann, new DataSet("random", x, new byte[400], 16, 4));
    }

    private static int AnnPredict(AnnNetwork ann, ReadOnlySpan<float> x)
    {
        double[] h = x.ToArray().Select(v => (double)v).ToArray();
        foreach (var layer in ann.Layers)
        {
            var a = new double[layer.Outputs];
            for (int n = 0; n < layer.Outputs; n++)
            {
                for (int m = 0; m < layer.Inputs; m++)
                {
                    a[n] += layer.Weights[n * layer.Inputs + m] * h[m];
                }

                a[n] = layer.Activation == Activation.Relu ? Math.Max(0, a[n]) : a[n];
            }

            h = a;
        }

        return Array.IndexOf(h, h.Max());
    }

    [Fact]
    public void Convert_RandomReluNetwork_SpikingPredictionsAgreeWithAnn()
    {
        // Rate coding approximates ReLU to within one spike in T steps per layer, so with T = 400 deterministic
        // (regular) input trains the spiking argmax should match the ANN's except where logits nearly tie.
        // The bound (90% of 400 samples) is loose (400 of 400 agreed when written) and far above chance (25%).
        var (ann, data) = MakeAnn();
        var converted = AnnToSnnConverter.Convert(ann, data, samples: 400);
        var engine = new BpttEngine(converted.Network, new RegularEncoder(400, 1000, 1, 3),
            new BpttOptions(400, SpikingLoss.CountCrossEntropy), 64);
        var predictions = new int[data.Count];
        SpikingEvaluation.Accuracy(engine, data, predictions);

        int agree = Enumerable.Range(0, data.Count).Count(i => predictions[i] == AnnPredict(ann, data.Sample(i)));
        Assert.True(agree >= 0.9 * data.Count, $"spiking and ANN predictions agree on {agree} of {data.Count}");
    }

    [Fact]
    public void Convert_SharesTheAnnWeightArrays_AndScalesThresholds()
    {
        var (ann, data) = MakeAnn();
        var converted = AnnToSnnConverter.Convert(ann, data, samples: 100);
        Assert.Same(ann.Layers[0].Weights, converted.Network.Layers[0].Weights);
        Assert.Equal((float)converted.Scales[0], converted.Network.Layers[0].Threshold[0]);
        Assert.Equal((float)(converted.Scales[1] / converted.Scales[0]), converted.Network.Layers[1].Threshold[0]);
    }

    [Fact]
    public void Convert_TanhHiddenLayer_ThrowsNamingTheLayer()
    {
        var ann = new AnnNetwork(2, [new DenseLayer("h1", 2, 2, Activation.Tanh, new float[4], null),
            new DenseLayer("out", 2, 2, Activation.Linear, new float[4], null)]);
        var ex = Assert.Throws<ArgumentException>(() =>
            AnnToSnnConverter.Convert(ann, new DataSet("d", new float[4], new byte[2], 2, 2)));
        Assert.Contains("layer h1", ex.Message);
        Assert.Contains("relu", ex.Message);
    }
}
