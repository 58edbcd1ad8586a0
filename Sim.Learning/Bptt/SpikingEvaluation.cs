using NeuroSim.Encoders.Data;

namespace NeuroSim.Learning.Bptt;

/// <summary>Accuracy of a spiking network on a data set, forward only (no learning).</summary>
public static class SpikingEvaluation
{
    /// <summary>
    /// Runs <paramref name="data"/> through <paramref name="engine"/> in batches of its capacity; sample i is
    /// encoded with key i, so the result is reproducible. Predictions are written when an array is given.
    /// </summary>
    public static double Accuracy(BpttEngine engine, DataSet data, int[]? predictions = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        int size = engine.MaxBatch, features = data.Features;
        var inputs = new float[size * features];
        var keys = new ulong[size];
        var batch = new int[size];
        long correct = 0;
        for (int start = 0; start < data.Count; start += size)
        {
            int count = Math.Min(size, data.Count - start);
            data.Inputs.AsSpan(start * features, count * features).CopyTo(inputs);
            for (int i = 0; i < count; i++)
            {
                keys[i] = (ulong)(start + i);
            }

            engine.Predict(inputs, keys, count, batch);
            for (int i = 0; i < count; i++)
            {
                correct += batch[i] == data.Labels[start + i] ? 1 : 0;
                if (predictions is not null)
                {
                    predictions[start + i] = batch[i];
                }
            }
        }

        return (double)correct / data.Count;
    }
}
