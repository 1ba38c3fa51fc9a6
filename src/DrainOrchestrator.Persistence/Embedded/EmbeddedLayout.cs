using System.Globalization;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>The files of one private server: PGDATA and, beside it, our own lock, password and owner files.</summary>
internal sealed record EmbeddedLayout(string DataDirectory)
{
    public string LockFile => DataDirectory + ".lock";

    public string PasswordFile => DataDirectory + ".password";

    public string OwnerFile => DataDirectory + ".owner";

    public string ServerLog => Path.Combine(DataDirectory, "drain-orchestrator-server.log");

    public bool IsInitialised => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public int? ReadOwner()
    {
        try
        {
            return int.TryParse(File.ReadAllText(OwnerFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void WriteOwner(int pid) => File.WriteAllText(OwnerFile, pid.ToString(CultureInfo.InvariantCulture));

    public void DeleteOwner() => File.Delete(OwnerFile);

    public string ReadLogTail(int lines = 15)
    {
        try
        {
            var all = File.ReadAllLines(ServerLog);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log not readable)";
        }
    }
}
