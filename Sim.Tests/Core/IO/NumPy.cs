using System.Diagnostics;

namespace NeuroSim.Tests.Core.IO;

/// <summary>Runs a short script under Debian's Python with NumPy (/usr/bin/python3) and returns its stdout.</summary>
internal static class NumPy
{
    public const string Python = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("python did not finish within 60 s");
        }

        Assert.True(process.ExitCode == 0, $"python failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
