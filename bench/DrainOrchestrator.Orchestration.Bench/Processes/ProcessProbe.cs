using System.Globalization;

namespace DrainOrchestrator.Orchestration.Bench.Processes;

/// <summary>
/// Samples a running process from /proc while it runs: its peak resident set (VmHWM, which the kernel keeps as a
/// running maximum, so the last sample is the peak up to then), its CPU time and its thread count.
/// </summary>
internal sealed class ProcessProbe
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private readonly int _pid;

    public ProcessProbe(int pid) => _pid = pid;

    public long PeakResidentBytes { get; private set; }

    public long PeakThreads { get; private set; }

    public TimeSpan LastCpu { get; private set; }

    public int Samples { get; private set; }

    /// <summary>Samples every <paramref name="interval"/> until <paramref name="until"/> completes.</summary>
    public async Task RunAsync(Task until, TimeSpan interval)
    {
        while (!until.IsCompleted)
        {
            Sample();
            await Task.WhenAny(until, Task.Delay(interval, TimeProvider.System));
        }
    }

    private void Sample()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    PeakResidentBytes = Math.Max(PeakResidentBytes, Kilobytes(line) * 1024);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    PeakThreads = Math.Max(PeakThreads, Kilobytes(line));
                }
            }

            // Fields after the command name (which may hold spaces) are space-separated; utime and stime are 14 and 15.
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            LastCpu = TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
            Samples++;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // The process is gone (or going): the samples so far stand.
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
