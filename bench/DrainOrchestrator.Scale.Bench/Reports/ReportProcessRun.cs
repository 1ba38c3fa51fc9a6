using System.Diagnostics;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Bench.Harness.Runs;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>
/// <c>drainctl report</c> as an operator runs it: its own process (the built drainctl.dll), given a connection string
/// without the password (it inherits DRAIN_DB_PASSWORD from the bench's environment), the output read and counted. Its wall time from start to exit and its peak resident set (VmHWM,
/// sampled from /proc every 10 ms; the kernel keeps it as a running maximum) are what the report costs, runtime and
/// start-up included, without the bench's own state.
/// </summary>
internal static class ReportProcessRun
{
    public static async Task<(double Milliseconds, long PeakResidentBytes, long OutputBytes)> RunAsync(
        string connectionString, string drain, string format, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Programs.Locate().Drainctl, "report", drain, "--format", format, "--db", connectionString })
        {
            info.ArgumentList.Add(argument);
        }

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var probe = new ProcessProbe(process.Id);
        var output = CountAsync(process.StandardOutput.BaseStream, cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var exited = process.WaitForExitAsync(cancellationToken);
        await probe.RunAsync(exited, TimeSpan.FromMilliseconds(10));
        await exited;
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var bytes = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"drainctl report --format {format} exited {process.ExitCode}: {await error}");
        }

        return (elapsed, probe.PeakResidentBytes, bytes);
    }

    private static async Task<long> CountAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
