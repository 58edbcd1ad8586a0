using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NeuroSim.Cli.Output;

/// <summary>
/// Processor time used by the whole process so far, all threads (Linux: clock_gettime(CLOCK_PROCESS_CPUTIME_ID),
/// which the scheduler keeps to the nanosecond; it is what C's std::clock reads, so it is the same measure as
/// Brian2's run timer). <see cref="Process.TotalProcessorTime"/> comes from getrusage, which on most kernels is
/// sampled at the timer tick (4 ms at 250 Hz): too coarse for a 20 ms loop. Elsewhere it falls back to it.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Seconds of processor time used by this process so far.</summary>
    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockProcessCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds + ts.Nanoseconds * 1e-9;
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
