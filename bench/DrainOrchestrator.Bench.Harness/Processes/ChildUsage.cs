namespace DrainOrchestrator.Bench.Harness.Processes;

/// <summary>
/// The resources used by this process's waited-for children (<c>getrusage(RUSAGE_CHILDREN)</c>): the kernel adds a
/// child's CPU time when it is reaped, so the difference across one child's run, with no other child reaped meanwhile,
/// is exactly that child's user and system time, its last moments included.
/// </summary>
public readonly record struct ChildUsage(TimeSpan User, TimeSpan System, long MaxResidentBytes)
{
    public TimeSpan Cpu => User + System;

    public static ChildUsage Read()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.GetRusage(NativeMethods.RusageChildren, out var usage) != 0)
        {
            return default;
        }

        return new ChildUsage(
            TimeSpan.FromSeconds(usage.UserSeconds) + TimeSpan.FromMicroseconds(usage.UserMicroseconds),
            TimeSpan.FromSeconds(usage.SystemSeconds) + TimeSpan.FromMicroseconds(usage.SystemMicroseconds),
            usage.MaxResidentKilobytes * 1024);
    }

    public static ChildUsage operator -(ChildUsage after, ChildUsage before) =>
        new(after.User - before.User, after.System - before.System, after.MaxResidentBytes);
}
