using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NeuroSim.Core.Diagnostics;

/// <summary>
/// Processor time, for timing runs and benchmarks on a shared machine (unlike wall time it leaves out the time
/// spent waiting for a core). On Linux it reads clock_gettime, which the scheduler keeps to the nanosecond:
/// <see cref="ProcessSeconds"/> is CLOCK_PROCESS_CPUTIME_ID, the clock C's std::clock reads (so the same measure as
/// Brian2's run timer), <see cref="ThreadSeconds"/> is CLOCK_THREAD_CPUTIME_ID. Elsewhere both fall back to
/// <see cref="Process.TotalProcessorTime"/>, which on Linux comes from getrusage and is sampled at the timer tick
/// (4 ms at 250 Hz): too coarse for a 20 ms loop, hence the native clock.
/// </summary>
public static partial class CpuClock
{
    private const int ProcessCpuTime = 2;
    private const int ThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Seconds of processor time used by the whole process so far, all threads.</summary>
    public static double ProcessSeconds() => Read(ProcessCpuTime);

    /// <summary>Seconds of processor time used by the calling thread so far.</summary>
    public static double ThreadSeconds() => Read(ThreadCpuTime);

    private static double Read(int clock)
    {
        if (OperatingSystem.IsLinux() && clock_gettime(clock, out var ts) == 0)
        {
            return ts.Seconds + ts.Nanoseconds * 1e-9;
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
