using System.Globalization;

namespace DrainOrchestrator.Bench.Harness.Processes;

/// <summary>
/// Readings from Linux's /proc that the benches print beside every number: the load average, a process's CPU time and
/// the whole machine's busy time. Each returns an empty or zero reading where /proc is not there.
/// </summary>
public static class ProcStat
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> shows them.</summary>
    public static IReadOnlyList<double> LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>The user + system CPU time of a running process (<c>/proc/PID/stat</c>, 10 ms resolution); zero once it is gone.</summary>
    public static TimeSpan ProcessCpu(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces) are space-separated; utime and stime are 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The machine's CPU time so far, all cores together (<c>/proc/stat</c>): busy (everything but idle and iowait) and total.</summary>
    public static MachineCpu Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest time is inside user)
            var idle = fields[3] + fields[4];
            return new MachineCpu(TimeSpan.FromSeconds((total - idle) / ClockTicksPerSecond), TimeSpan.FromSeconds(total / ClockTicksPerSecond));
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return default;
        }
    }
}

/// <summary>The machine's CPU time, all cores added: <see cref="Busy"/> of <see cref="Total"/>.</summary>
public readonly record struct MachineCpu(TimeSpan Busy, TimeSpan Total)
{
    /// <summary>The share of the machine that was busy between two readings (0 to 1; NaN when nothing was read).</summary>
    public static double BusyShare(MachineCpu before, MachineCpu after) =>
        after.Total > before.Total ? (after.Busy - before.Busy) / (after.Total - before.Total) : double.NaN;
}
