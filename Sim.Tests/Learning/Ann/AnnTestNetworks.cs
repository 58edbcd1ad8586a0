using NeuroSim.Learning;
using NeuroSim.Learning.Ann;
using NeuroSim.Learning.Initialization;

namespace NeuroSim.Tests.Learning.Ann;

/// <summary>Small seeded networks and batches for the ANN tests.</summary>
internal static class AnnTestNetworks
{
    public static AnnNetwork Create(int[] sizes, Activation[] activations, bool bias, ulong seed)
    {
        var random = new TrainingRandom(seed);
        var layers = new List<DenseLayer>();
        for (int l = 0; l < activations.Length; l++)
        {
            var w = new float[sizes[l + 1] * sizes[l]];
            WeightInitializer.Fill(WeightInit.XavierUniform, w, sizes[l], sizes[l + 1], random);
            float[]? b = null;
            if (bias)
            {
                b = new float[sizes[l + 1]];
                for (int i = 0; i < b.Length; i++)
                {
                    b[i] = random.NextSingle() - 0.5f;
                }
            }

            layers.Add(new DenseLayer($"p{l + 1}", sizes[l], sizes[l + 1], activations[l], w, b));
        }

        return new AnnNetwork(sizes[0], layers);
    }

    public static (float[] Inputs, byte[] Labels) Batch(int count, int features, int classes, ulong seed)
    {
        var random = new TrainingRandom(seed);
        var x = new float[count * features];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextSingle() * 2f - 1f;
        }

        var y = new byte[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = (byte)random.NextInt(classes);
        }

        return (x, y);
    }
}
