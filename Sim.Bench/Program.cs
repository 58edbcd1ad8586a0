using BenchmarkDotNet.Running;

namespace NeuroSim.Bench;

/// <summary>Runs the BenchmarkDotNet suites: <c>dotnet run -c Release --project Sim.Bench -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "event-vs-clock")
        {
            EventDriven.EventVsClockComparison.Run(quick: args.Contains("--quick"));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
