using NeuroSim.Core.Network;
using NeuroSim.Learning.Bptt;
using NeuroSim.Learning.Spiking;

namespace NeuroSim.Tests.Learning.Spiking;

public class SnnTrainingReaderTests
{
    private static NetworkSpec Load(string training) =>
        NetworkLoader.LoadFromText(SnnNetworkTexts.With(training), "tiny.json", SnnTrainingReader.LoadOptions());

    [Fact]
    public void Read_FullSection_AllSettingsArrive()
    {
        var spec = Load(SnnNetworkTexts.ValidTraining);
        var reader = spec.CreateReader();
        var t = SnnTrainingReader.Read(reader, spec.Training)!;
        Assert.False(reader.HasErrors);
        Assert.Equal(2, t.Epochs);
        Assert.Equal(8, t.Options.BatchSize);
        Assert.True(t.Options.Grapes.Enabled);
        Assert.Equal(new BpttOptions(10, SpikingLoss.RateMse, 5, 2, 4, 0.8f, 0.1f), t.Options.Bptt);
        Assert.Equal(new SnnEncoderSpec("regular", 500, 1.0, 4), t.Encoder);
        Assert.Equal(("arctan", 3f), (t.Surrogate, t.SurrogateScale!.Value));
        Assert.Equal(ResetMode.Zero, t.Reset);
        Assert.True(t.TrainThreshold);
    }

    [Fact]
    public void Load_SeveralMistakes_AllReportedWithTheirPaths()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => Load("""
            { "mode": "snn", "signal": "dfa",
              "snn": { "steps": 0, "loss": "hinge", "surrogate": { "kind": "heaviside" },
                       "encoder": { "max_rate": "5 ms" },
                       "typo": 1 } }
            """));
        Assert.Contains("$.training.signal", ex.Message);
        Assert.Contains("backprop", ex.Message);
        Assert.Contains("$.training.snn.steps", ex.Message);
        Assert.Contains("$.training.snn.loss", ex.Message);
        Assert.Contains("hinge", ex.Message);
        Assert.Contains("$.training.snn.surrogate.kind", ex.Message);
        Assert.Contains("$.training.snn.encoder.max_rate", ex.Message);
        Assert.Contains("typo", ex.Message);
    }

    [Fact]
    public void Load_SnnSettingsWithoutSnnMode_IsAnError()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => Load("""{ "mode": "ann", "snn": { "steps": 5 } }"""));
        Assert.Contains("$.training.snn", ex.Message);
        Assert.Contains("mode", ex.Message);
    }

    [Fact]
    public void Load_LocalGrapesInSnnMode_IsAnError()
    {
        var ex = Assert.Throws<NetworkValidationException>(() =>
            Load("""{ "mode": "snn", "grapes": { "enabled": true, "version": "local" } }"""));
        Assert.Contains("$.training.grapes.version", ex.Message);
        Assert.Contains("propagating", ex.Message);
    }
}
