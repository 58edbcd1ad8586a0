using NeuroSim.Cli;

namespace NeuroSim.Tests.Core;

public class SolutionSmokeTests
{
    [Fact]
    public void ExitCodes_AreDistinct()
    {
        int[] codes = [ExitCodes.Ok, ExitCodes.InternalError, ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.Diverged,
            ExitCodes.OutputFailed];
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }
}
