using System.Net.Http.Headers;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Server.Auth;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// One drain-sim (HTTPS) and one server in this process, on a fresh database of the test PostgreSQL server, shared by
/// every test class of the collection. Tests drain disjoint nodes (src-1 to src-6), so they can share it; a test that
/// needs a server of its own (TLS, JWT, logs, shutdown) starts one on the same cluster with <see cref="StartServerAsync"/>
/// and stops it before it ends: meters, activity sources and Hangfire's settings are process-wide, so a second server
/// alive beside this one would add its numbers to this one's /metrics.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _databases = [];
    private InProcessServer? _server;
    private string _tokensFile = string.Empty;

    internal SimulatorProcess Sim { get; private set; } = null!;

    internal LogCapture Log => _server!.Log;

    internal LogCapture Output => _server!.Output;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The shared server's database.</summary>
    internal string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A directory of this test run for files (certificates, token files); deleted at the end.</summary>
    public string Directory { get; private set; } = string.Empty;

    /// <summary>Every token the server accepts, by name (alice: viewer, olga and bob: operator, root: admin).</summary>
    public IReadOnlyDictionary<string, string> Tokens => _tokens;

    public async Task InitializeAsync()
    {
        Directory = Path.Combine(Path.GetTempPath(), "drain-server-tests", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        Sim = await SimulatorProcess.StartAsync("server.yaml", 10);
        _tokensFile = Path.Combine(Directory, "tokens");
        var lines = new List<string> { "# test tokens" };
        foreach (var (name, role) in new[] { ("alice", "viewer"), ("olga", "operator"), ("bob", "operator"), ("root", "admin") })
        {
            var (token, line) = TokenGenerator.Create(name, role);
            _tokens[name] = token;
            lines.Add(line);
        }

        await File.WriteAllLinesAsync(_tokensFile, lines);
        ConnectionString = await NewDatabaseAsync();
        _server = await InProcessServer.StartAsync(NewOptions(ConnectionString));
    }

    /// <summary>A new empty database on the test PostgreSQL server (dropped at the end), as a connection string.</summary>
    internal async Task<string> NewDatabaseAsync()
    {
        var name = await TestPostgresServer.CreateDatabaseAsync("server", CancellationToken.None);
        lock (_databases)
        {
            _databases.Add(name);
        }

        return await TestPostgresServer.ConnectionStringForAsync(name);
    }

    /// <summary>Options for a server of this cluster on <paramref name="database"/>, with this fixture's tokens and short intervals.</summary>
    internal ServeOptions NewOptions(string database) => new()
    {
        Listen = "127.0.0.1:0",
        Kubeconfig = Sim.KubeconfigPath,
        Database = database,
        TokensFile = _tokensFile,
        SupervisorInterval = TimeSpan.FromSeconds(2),
        EventHeartbeat = TimeSpan.FromSeconds(2),
    };

    /// <summary>Starts another server on this cluster (its own database unless <paramref name="database"/> is given); <paramref name="configure"/> adds options.</summary>
    internal async Task<InProcessServer> StartServerAsync(Action<ServeOptions>? configure = null, string? database = null)
    {
        var options = NewOptions(database ?? await NewDatabaseAsync());
        configure?.Invoke(options);
        return await InProcessServer.StartAsync(options);
    }

    /// <summary>A client of the server as <paramref name="user"/> (null: no Authorization header).</summary>
    public HttpClient Client(string? user) => Client(BaseAddress, user);

    /// <summary>A client of the server at <paramref name="baseAddress"/> as <paramref name="user"/> (null: no Authorization header).</summary>
    public HttpClient Client(Uri baseAddress, string? user, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = baseAddress;
        client.Timeout = TimeSpan.FromSeconds(60);
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Sim.DisposeAsync();
        foreach (var database in _databases)
        {
            await TestPostgresServer.DropDatabaseAsync(database, CancellationToken.None);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
