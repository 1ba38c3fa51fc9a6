using System.Diagnostics;
using DrainOrchestrator.Bench.Harness.Processes;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// The CPU readings taken at both ends of a measurement: the server's CPU time (/proc/PID/stat), this bench's own (the
/// clients run here, on the same two cores), the whole machine's busy share (/proc/stat), the load average.
/// </summary>
internal readonly record struct Readings(long Timestamp, TimeSpan ServerCpu, TimeSpan BenchCpu, MachineCpu Machine, IReadOnlyList<double> Load)
{
    public static Readings Take(int serverPid)
    {
        using var self = Process.GetCurrentProcess();
        return new Readings(TimeProvider.System.GetTimestamp(), ProcStat.ProcessCpu(serverPid), self.TotalProcessorTime, ProcStat.Machine(),
            ProcStat.LoadAverage());
    }

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static Window Between(Readings before, Readings after)
    {
        var seconds = TimeProvider.System.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        return new Window(seconds, (after.ServerCpu - before.ServerCpu).TotalSeconds, (after.BenchCpu - before.BenchCpu).TotalSeconds,
            MachineCpu.BusyShare(before.Machine, after.Machine), before.Load, after.Load);
    }
}

/// <summary>
/// A measurement's length and CPU: the server's and the bench's CPU seconds, the machine's busy share (0 to 1 of all
/// cores), and the load averages at its start and end.
/// </summary>
internal sealed record Window(double Seconds, double ServerCpuSeconds, double BenchCpuSeconds, double MachineBusyShare,
    IReadOnlyList<double> LoadBefore, IReadOnlyList<double> LoadAfter)
{
    /// <summary>The server's CPU as a share of one core (1 = one core fully busy).</summary>
    public double ServerCores => ServerCpuSeconds / Math.Max(Seconds, 1e-9);

    public double BenchCores => BenchCpuSeconds / Math.Max(Seconds, 1e-9);
}
