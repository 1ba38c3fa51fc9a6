using System.Globalization;

namespace DrainOrchestrator.Bench.Harness.Processes;

/// <summary>
/// Samples a running process from /proc while it runs: its peak resident set (VmHWM, which the kernel keeps as a
/// running maximum, so the last sample is the peak up to then), its CPU time and its thread count.
/// </summary>
public sealed class ProcessProbe
{
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

            var cpu = ProcStat.ProcessCpu(_pid);
            LastCpu = cpu > LastCpu ? cpu : LastCpu;
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
