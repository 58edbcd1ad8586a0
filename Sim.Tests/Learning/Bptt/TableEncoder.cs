using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Tests.Learning.Bptt;

/// <summary>Test encoder: the sample key picks a stored raster [T, m]; intensities are ignored.</summary>
internal sealed class TableEncoder(int steps, float[][] rasters) : ISpikeEncoder
{
    public int Steps { get; } = steps;

    public void Encode(ReadOnlySpan<float> intensities, Span<float> spikes, ulong sampleKey) =>
        rasters[(int)sampleKey].CopyTo(spikes);
}
