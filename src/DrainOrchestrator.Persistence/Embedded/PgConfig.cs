using System.Diagnostics;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Asks <c>pg_config</c> where the server programs live.</summary>
internal static class PgConfig
{
    public static string? BinDir()
    {
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }
}
