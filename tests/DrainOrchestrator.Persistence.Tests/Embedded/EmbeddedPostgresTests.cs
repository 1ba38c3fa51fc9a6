using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Embedded;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root;

    public EmbeddedPostgresTests()
    {
        _root = Path.Combine(TestPostgresServer.TestDataRoot, "embedded-" + Guid.NewGuid().ToString("N")[..12]);
        ReachableDirectory.Create(TestPostgresServer.TestDataRoot);
        ReachableDirectory.Create(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private EmbeddedPostgresOptions Options(int port = 0, bool stopOnDispose = true) => new()
    {
        DataDirectory = Path.Combine(_root, "postgres"),
        Port = port,
        StopOnDispose = stopOnDispose,
    };

    private static Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options) =>
        EmbeddedPostgres.StartAsync(options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

    private static async Task<T?> ScalarAsync<T>(EmbeddedPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task StartAsync_FreshDirectory_ServesOnLoopbackAndStops()
    {
        var server = await StartAsync(Options());
        var pid = PostmasterPid(server.DataDirectory);

        Assert.Equal(server.Port, await ScalarAsync<int>(server, "SELECT inet_server_port()"));
        Assert.Equal("drain_orchestrator", await ScalarAsync<string>(server, "SELECT current_database()"));
        Assert.True(server.OwnsServer);
        if (Environment.UserName == "root")
        {
            // initdb refuses root: the server must run as the postgres OS user.
            Assert.Equal(UserId("postgres"), ProcessUserId(pid));
        }

        await server.StopAsync(CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "postmaster.pid")));
        // The postmaster removes its pid file as it shuts down and exits a moment later (a CI run under load once saw it
        // still there right after the stop returned): it must be gone within seconds.
        for (var waited = 0; IsRunning(pid) && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.False(IsRunning(pid));
        await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync<int>(server, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_DirectoryLeftByKilledServer_ReusedWithDataKept()
    {
        var first = await StartAsync(Options(stopOnDispose: false));
        await ScalarAsync<object>(first, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        using (var postmaster = Process.GetProcessById(PostmasterPid(first.DataDirectory)))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        await using var second = await StartAsync(Options());

        Assert.Equal("still here", await ScalarAsync<string>(second, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task StartAsync_ServerLeftRunningByDeadOwner_AdoptedAndStoppedByNewOwner()
    {
        var first = await StartAsync(Options(stopOnDispose: false));
        await File.WriteAllTextAsync(first.DataDirectory + ".owner", DeadProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var second = await StartAsync(Options());

        Assert.Equal(first.Port, second.Port);
        Assert.True(second.OwnsServer);
        Assert.Equal(1, await ScalarAsync<int>(second, "SELECT 1"));
        await second.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(second.DataDirectory, "postmaster.pid")));
    }

    [Fact]
    public async Task StartAsync_ServerOfLiveOwner_SharedButNotStopped()
    {
        await using var owner = await StartAsync(Options());

        var guest = await StartAsync(Options());
        await guest.StopAsync(CancellationToken.None);

        Assert.False(guest.OwnsServer);
        Assert.Equal(1, await ScalarAsync<int>(owner, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_PreferredPortTaken_ServesOnAnotherPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var server = await StartAsync(Options(port: taken));

        Assert.NotEqual(taken, server.Port);
        Assert.Equal(server.Port, await ScalarAsync<int>(server, "SELECT inet_server_port()"));
    }

    [Fact]
    public void Locate_NoServerPrograms_ErrorGivesAptCommand()
    {
        var ex = Assert.Throws<EmbeddedPostgresException>(() =>
            PostgresBinaries.Locate(null, () => null, Path.Combine(_root, "no-postgresql-here")));

        Assert.Contains("apt-get install -y postgresql", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public void Locate_ExplicitDirectoryWithoutServer_ErrorNamesDirectory()
    {
        var ex = Assert.Throws<EmbeddedPostgresException>(() => PostgresBinaries.Locate(_root));

        Assert.Contains(_root, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEveryProblem()
    {
        var options = new EmbeddedPostgresOptions
        {
            Port = 70000,
            DataDirectory = "relative/dir",
            StartTimeout = TimeSpan.Zero,
        };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Port", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DataDirectory", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StartTimeout", ex.Message, StringComparison.Ordinal);
    }

    private static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    private static string ProcessUserId(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

    private static string UserId(string user)
    {
        using var id = Process.Start(new ProcessStartInfo("id", ["-u", user]) { RedirectStandardOutput = true })!;
        var uid = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return uid;
    }

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].TrimStart()[0] != 'Z';
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
