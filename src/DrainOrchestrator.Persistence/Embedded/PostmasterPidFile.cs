using System.Globalization;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>The first lines of PostgreSQL's <c>postmaster.pid</c>: who runs the data directory and on which port.</summary>
internal sealed record PostmasterPidFile(int Pid, int Port, string Status)
{
    public static PostmasterPidFile? Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }

        // Line 1 pid, 2 data dir, 3 start time, 4 port, 5 socket dir, 6 listen address, 7 shmem key, 8 status.
        if (lines.Length < 4
            || !int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return new PostmasterPidFile(pid, port, lines.Length >= 8 ? lines[7].Trim() : string.Empty);
    }

    public bool IsReady => Status == "ready";

    public bool IsProcessAlive => ProcessTable.IsAlive(Pid);
}
