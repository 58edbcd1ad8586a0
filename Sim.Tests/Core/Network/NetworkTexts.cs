using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

/// <summary>Small valid network texts for loader tests, and where the repository's files are.</summary>
internal static class NetworkTexts
{
    /// <summary>A valid network: LIF "a" (10) driven by Poisson "b" (5) with a 1 ms delay.</summary>
    public const string Minimal = """
        {
          "simulation": { "dt": "0.1 ms", "duration": "100 ms", "seed": 5 },
          "populations": [
            { "name": "a", "size": 10, "kind": "lif", "params": { "tau_m": "20 ms" } },
            { "name": "b", "size": 5, "kind": "poisson", "params": { "rate": "10 Hz" } }
          ],
          "projections": [
            { "source": "b", "target": "a", "connect": { "rule": "fixed_probability", "p": 0.5 },
              "weight": "1 mV", "delay": "1 ms" }
          ],
          "recording": { "spikes": ["a"] }
        }
        """;

    /// <summary>Loads <see cref="Minimal"/> with one substring replaced; the replaced text must occur.</summary>
    public static NetworkSpec LoadWith(string find, string replace, NetworkLoadOptions? options = null)
    {
        Assert.Contains(find, Minimal);
        return NetworkLoader.LoadFromText(Minimal.Replace(find, replace), "test.json", options);
    }

    /// <summary>Expects loading the modified text to fail and returns the exception.</summary>
    public static NetworkValidationException FailWith(string find, string replace, NetworkLoadOptions? options = null)
    {
        Assert.Contains(find, Minimal);
        return Assert.Throws<NetworkValidationException>(
            () => NetworkLoader.LoadFromText(Minimal.Replace(find, replace), "test.json", options));
    }

    /// <summary>The repository root (the folder holding NeuroSim.sln), found from the test binary's folder.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeuroSim.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("NeuroSim.sln not found above the tests");
        }
    }
}
