using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Learning.Spiking;

/// <summary>training.snn.encoder: kind ("poisson", "regular", "latency"), max rate, dt and seed.</summary>
/// <param name="Kind">Encoder name.</param>
/// <param name="MaxRateHz">Rate of intensity 1 (poisson, regular).</param>
/// <param name="DtMs">Step length (the simulation's dt).</param>
/// <param name="Seed">Seed of the encoder's random stream.</param>
public sealed record SnnEncoderSpec(string Kind, double MaxRateHz, double DtMs, ulong Seed)
{
    /// <summary>Creates the encoder for <paramref name="steps"/> steps.</summary>
    public ISpikeEncoder Create(int steps) => Kind switch
    {
        "regular" => new RegularEncoder(steps, MaxRateHz, DtMs, Seed),
        "latency" => new LatencyEncoder(steps),
        _ => new PoissonEncoder(steps, MaxRateHz, DtMs, Seed),
    };
}
