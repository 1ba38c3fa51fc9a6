using System.Globalization;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Reads /proc to tell whether a process is running.</summary>
internal static class ProcessTable
{
    /// <summary>True when the process exists and is neither a zombie nor dead (a reaped-late child still shows in /proc).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // Format: pid (comm) state ...; comm may contain spaces and parentheses, so read after the last ')'.
            var afterName = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return afterName.Length > 0 && afterName[0] is not ('Z' or 'X' or 'x');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true; // it exists; we just may not read it
        }
    }
}
