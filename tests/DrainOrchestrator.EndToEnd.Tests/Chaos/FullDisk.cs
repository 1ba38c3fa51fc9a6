using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// A real full disk under one run's database: a size-limited tmpfs mounted as a PostgreSQL tablespace, to which the
/// run's tables and indexes move before the engine starts. <see cref="Fill"/> writes a file until the kernel answers
/// ENOSPC, so that PostgreSQL's next extension of a table fails with 53100 "could not extend file ...: No space left on
/// device", exactly as on a full volume; <see cref="Empty"/> frees the space again. The write-ahead log stays on the
/// server's own volume, so the server itself keeps running (a full WAL volume is a crash and restart, which the
/// postgres-restart kind covers). Mounting needs root: <see cref="IsPossible"/> says whether this process may.
/// </summary>
internal sealed class FullDisk : IAsyncDisposable
{
    private const string Size = "16m";
    private const int Page = 4096;

    private readonly string _adminConnectionString;
    private readonly string _databaseConnectionString;
    private readonly string _tablespace;
    private readonly string _mount;
    private readonly string _filler;

    private FullDisk(string adminConnectionString, string databaseConnectionString, string tablespace, string mount)
    {
        (_adminConnectionString, _databaseConnectionString, _tablespace, _mount) = (adminConnectionString, databaseConnectionString, tablespace, mount);
        _filler = Path.Combine(_mount, "filler");
    }

    /// <summary>Whether this process may mount a tmpfs (it runs as root); the mid-drain-changes kind draws another change otherwise.</summary>
    public static bool IsPossible => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();

    /// <summary>
    /// Mounts the tmpfs (owned by <paramref name="serverUser"/>, the OS user PostgreSQL runs as), creates the tablespace
    /// through <paramref name="adminConnectionString"/> and moves every table and index of the database of
    /// <paramref name="databaseConnectionString"/> onto it. Call before any engine connects: the move locks each table.
    /// </summary>
    public static async Task<FullDisk> PrepareAsync(string adminConnectionString, string databaseConnectionString, string serverUser)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var mount = Path.Combine(Path.GetTempPath(), "drain-chaos-disk-" + id);
        Directory.CreateDirectory(mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={Size},mode=0700", "tmpfs", mount);
        var disk = new FullDisk(adminConnectionString, databaseConnectionString, "chaos_disk_" + id, mount);
        try
        {
            await RunAsync("chown", $"{serverUser}:", mount);
            await ExecuteAsync(adminConnectionString, $"CREATE TABLESPACE {disk._tablespace} LOCATION '{mount}'");
            await ExecuteAsync(databaseConnectionString,
                $"ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE {disk._tablespace}",
                $"ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE {disk._tablespace}");
            return disk;
        }
        catch
        {
            await disk.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fills the volume to its last page; returns the bytes written.</summary>
    public long Fill()
    {
        var page = new byte[Page];
        long written = 0;
        using var stream = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                stream.Write(page);
                written += Page;
            }
        }
        catch (IOException)
        {
            // ENOSPC: the volume is full.
        }

        return written;
    }

    /// <summary>Frees the space the filler took.</summary>
    public void Empty() => File.Delete(_filler);

    /// <summary>Moves the tables and indexes back (when the database still exists), drops the tablespace and unmounts.</summary>
    public async ValueTask DisposeAsync()
    {
        Empty();
        try
        {
            await ExecuteAsync(_databaseConnectionString,
                $"ALTER TABLE ALL IN TABLESPACE {_tablespace} SET TABLESPACE pg_default",
                $"ALTER INDEX ALL IN TABLESPACE {_tablespace} SET TABLESPACE pg_default");
        }
        catch (NpgsqlException)
        {
            // The database may be gone already; then the tablespace holds nothing of it.
        }

        try
        {
            await ExecuteAsync(_adminConnectionString, $"DROP TABLESPACE IF EXISTS {_tablespace}");
        }
        catch (NpgsqlException)
        {
            // Best effort: the unmount below frees the memory in any case once the server lets go of the files.
        }

        await RunAsync("umount", "--lazy", _mount);
        Directory.Delete(_mount);
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var (code, _, error) = await Tool.RunAsync(program, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {code}: {error.Trim()}");
        }
    }
}
