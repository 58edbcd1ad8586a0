using NeuroSim.Core.Network;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>The "plasticity" section: valid sections build rules; every mistake is reported with its path.</summary>
public sealed class PlasticitySectionReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plasticity-reader").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string plasticity)
    {
        string path = Path.Combine(_dir, "net.json");
        File.WriteAllText(path, $$"""
            {
              "name": "p",
              "simulation": { "dt": "0.1 ms", "duration": "100 ms" },
              "populations": [
                { "name": "in", "size": 4, "kind": "poisson", "params": { "rate": "10 Hz" } },
                { "name": "out", "size": 2, "kind": "lif",
                  "params": { "tau_m": "20 ms", "e_l": "-60 mV", "v_th": "-50 mV", "v_reset": "-60 mV",
                              "t_ref": "2 ms", "tau_syn_e": "5 ms", "tau_syn_i": "10 ms" } }
              ],
              "projections": [
                { "name": "ff", "source": "in", "target": "out", "connect": { "rule": "all_to_all" },
                  "weight": "1 mV", "plasticity": {{plasticity}} }
              ]
            }
            """);
        return path;
    }

    private static NetworkSpec Load(string path) =>
        NetworkLoader.Load(path, PlasticitySectionReader.Register(new NetworkLoadOptions()));

    [Fact]
    public void Create_ValidStdpSection_BuildsPairRule()
    {
        var spec = Load(Write("""
            { "rule": "stdp", "a_plus": "0.01 mV", "a_minus": "0.0105 mV", "tau_plus": "20 ms", "tau_minus": "20 ms",
              "w_min": "0 mV", "w_max": "2 mV", "pairing": "nearest" }
            """));
        Assert.IsType<PairStdp>(PlasticitySectionReader.Create(spec, spec.Projection("ff"), 0.1));
    }

    [Fact]
    public void Create_RewardScheduleSection_BuildsRewardRule()
    {
        var spec = Load(Write("""
            { "rule": "reward_stdp", "a_plus": "0.01 mV", "a_minus": "0.01 mV", "tau_plus": "20 ms",
              "tau_minus": "20 ms", "tau_c": "200 ms", "learning_rate": 0.001, "w_min": "0 mV", "w_max": "2 mV",
              "reward": [["0 ms", 0], ["50 ms", 1.5]] }
            """));
        Assert.IsType<RewardModulatedStdp>(PlasticitySectionReader.Create(spec, spec.Projection("ff"), 0.1));
    }

    [Fact]
    public void Load_ThreeMistakes_ReportsAllWithPaths()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => Load(Write("""
            { "rule": "stdp", "a_plus": "5 ms", "a_minus": "0.01 mV", "tau_plus": "-20 ms", "tau_minus": "20 ms",
              "w_min": "0 mV", "w_max": "2 mV", "pairing": "closest" }
            """)));
        Assert.Contains("$.projections[0].plasticity.a_plus", ex.Message);
        Assert.Contains("$.projections[0].plasticity.tau_plus: must be > 0 ms", ex.Message);
        Assert.Contains("$.projections[0].plasticity.pairing", ex.Message);
        Assert.Contains("closest", ex.Message);
    }

    [Fact]
    public void Load_UnknownKeyAndMissingBound_Reported()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => Load(Write("""
            { "rule": "triplet_stdp", "a2_plus": "0.01 mV", "a3_plus": "0 mV", "a2_minus": "0.01 mV",
              "a3_minus": "0 mV", "tau_plus": "17 ms", "tau_minus": "34 ms", "tau_x": "101 ms", "tau_y": "125 ms",
              "w_min": "0 mV", "tau_q": "3 ms" }
            """)));
        Assert.Contains("$.projections[0].plasticity.w_max: is required", ex.Message);
        Assert.Contains("tau_q", ex.Message);
    }

    [Fact]
    public void Load_UnknownRule_NamesKnownRules()
    {
        var ex = Assert.Throws<NetworkValidationException>(() => Load(Write("""{ "rule": "bcm" }""")));
        Assert.Contains("$.projections[0].plasticity.rule", ex.Message);
        Assert.Contains("stdp", ex.Message);
    }
}
