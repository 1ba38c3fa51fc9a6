using System.Runtime.Versioning;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Secrets;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Database;

/// <summary>The database password comes from a file or the environment; one on the command line is warned about.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DatabasePasswordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("db-password-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void FromCommandLine_PasswordInDb_WarnsNamingTheSaferWays()
    {
        var options = DatabaseOptions.FromCommandLine("Host=a;Database=x;Username=u;Password=hunter2", null, Env());

        var warning = Assert.Single(options.Warnings);
        Assert.Contains("--db carries a password", warning, StringComparison.Ordinal);
        Assert.Contains("--db-password-file", warning, StringComparison.Ordinal);
        Assert.Contains("DRAIN_DB_PASSWORD", warning, StringComparison.Ordinal);
        Assert.Contains("PGPASSFILE", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning, StringComparison.Ordinal);
        Assert.Equal("hunter2", new NpgsqlConnectionStringBuilder(options.ConnectionString).Password);
    }

    [Fact]
    public void FromCommandLine_PasswordOnlyInDrainDbVariable_NoWarning()
    {
        var options = DatabaseOptions.FromCommandLine(null, null, Env(("DRAIN_DB", "Host=a;Database=x;Password=hunter2")));

        Assert.Empty(options.Warnings);
    }

    [Fact]
    public void FromCommandLine_PasswordFromVariable_FilledIn()
    {
        var options = DatabaseOptions.FromCommandLine("Host=a;Database=x;Username=u", null, Env(("DRAIN_DB_PASSWORD", "from-env")));

        Assert.Equal("from-env", new NpgsqlConnectionStringBuilder(options.ConnectionString).Password);
        Assert.Empty(options.Warnings);
    }

    [Fact]
    public async Task FromCommandLine_PrivatePasswordFile_FilledInAndWinsOverTheVariable()
    {
        var file = Path.Combine(_dir, "pw");
        await PrivateFile.WriteAsync(file, "from-file\n", CancellationToken.None);

        var options = DatabaseOptions.FromCommandLine("Host=a;Database=x", null, Env(("DRAIN_DB_PASSWORD", "from-env")), passwordFile: file);

        Assert.Equal("from-file", new NpgsqlConnectionStringBuilder(options.ConnectionString).Password);
    }

    [Fact]
    public async Task FromCommandLine_PasswordFileOthersCanRead_RefusedWithTheFix()
    {
        var file = Path.Combine(_dir, "pw");
        await PrivateFile.WriteAsync(file, "from-file", CancellationToken.None);
        File.SetUnixFileMode(file, PrivateFile.OwnerReadWrite | UnixFileMode.OtherRead);

        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine("Host=a;Database=x", null, Env(), passwordFile: file));

        Assert.Contains("--db-password-file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("from-file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromCommandLine_SeveralProblems_ReportedAtOnce()
    {
        var file = Path.Combine(_dir, "pw");
        await PrivateFile.WriteAsync(file, "from-file", CancellationToken.None);

        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine("Host=a;Password=p", null,
            Env(("DRAIN_DB_MIGRATE", "maybe")), passwordFile: file));

        Assert.Contains("give it once", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DRAIN_DB_MIGRATE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCommandLine_PasswordFileWithoutConnectionString_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine(null, null, Env(), passwordFile: "/nonexistent"));

        Assert.Contains("needs a connection string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromCommandLine_PgPassFileOthersCanRead_Refused()
    {
        var passfile = Path.Combine(_dir, "pgpass");
        await PrivateFile.WriteAsync(passfile, "*:*:*:*:pw\n", CancellationToken.None);
        File.SetUnixFileMode(passfile, PrivateFile.OwnerReadWrite | UnixFileMode.GroupRead);

        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine("Host=a;Database=x", null, Env(("PGPASSFILE", passfile))));

        Assert.Contains("PGPASSFILE", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
    }
}
