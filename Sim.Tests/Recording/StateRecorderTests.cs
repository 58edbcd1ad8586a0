using NeuroSim.Core.Engine;
using NeuroSim.Core.Recording;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Recording;

public class StateRecorderTests
{
    [Fact]
    public void Complete_IntervalOfTenSteps_SamplesAtEachIntervalWithTheLiveValues()
    {
        var lif = new LifPopulation("n", 3, new LifParameters(10, 250, -70, -55, -70, 2, 2, 2));
        lif.AddCurrent(1000, [1]);
        var network = new SimulationNetwork(0.1, [lif], []);
        using var engine = new ClockEngine(network);
        using var recorder = new StateRecorder(lif, ["v"], [1, 2], intervalSteps: 10, dt: 0.1);
        engine.AddObserver(recorder);

        engine.Run(30);
        recorder.Complete();

        Assert.Equal([1.0, 2.0, 3.0], recorder.Times.Select(t => Math.Round(t, 9)));
        var v = recorder.Values(0);
        Assert.Equal(6, v.Count);
        double expected = -70 + 40 * (1 - Math.Exp(-3.0 / 10.0));
        Assert.Equal(expected, v[4], 3);
        Assert.Equal(-70f, v[5]);
    }
}
