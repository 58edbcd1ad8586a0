using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

/// <summary>"simulation.timing": the event engine's spike timing (grid by default, exact on request).</summary>
public class SimulationTimingTests
{
    [Fact]
    public void Load_NoTiming_DefaultsToGrid()
    {
        var spec = NetworkTexts.LoadWith("\"seed\": 5", "\"seed\": 5, \"engine\": \"event\"");

        Assert.Equal(EngineKind.Event, spec.Simulation.Engine);
        Assert.Equal(EventTiming.Grid, spec.Simulation.Timing);
    }

    [Fact]
    public void Load_EventEngineExactTiming_IsRead()
    {
        var spec = NetworkTexts.LoadWith("\"seed\": 5", "\"seed\": 5, \"engine\": \"event\", \"timing\": \"exact\"");

        Assert.Equal(EventTiming.Exact, spec.Simulation.Timing);
    }

    [Fact]
    public void Load_ExactTimingWithClockEngine_NamesTimingAndRule()
    {
        var ex = NetworkTexts.FailWith("\"seed\": 5", "\"seed\": 5, \"timing\": \"exact\"");

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.simulation.timing", error.JsonPath);
        Assert.Contains("exact timing needs the event engine", error.Rule);
        Assert.Equal("exact", error.Value);
    }

    [Fact]
    public void Load_UnknownTiming_ListsChoices()
    {
        var ex = NetworkTexts.FailWith("\"seed\": 5", "\"seed\": 5, \"engine\": \"event\", \"timing\": \"fast\"");

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.simulation.timing", error.JsonPath);
        Assert.Contains("grid, exact", error.Rule);
        Assert.Equal("fast", error.Value);
    }
}
