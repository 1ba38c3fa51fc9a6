using System.Net.Http.Headers;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Server.Auth;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// One drain-sim (HTTPS) and one server in this process, on a fresh database of the test PostgreSQL server, shared by
/// every test class of the collection. Tests drain disjoint nodes (src-1 to src-4), so they can share it.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private string? _database;
    private string _directory = string.Empty;
    private Task? _server;

    internal SimulatorProcess Sim { get; private set; } = null!;

    internal LogCapture Log { get; } = new();

    internal LogCapture Output { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every token the server accepts, by name (alice: viewer, olga and bob: operator, root: admin).</summary>
    public IReadOnlyDictionary<string, string> Tokens => _tokens;

    public async Task InitializeAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "drain-server-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        Sim = await SimulatorProcess.StartAsync("server.yaml", 10);
        _database = await TestPostgresServer.CreateDatabaseAsync("server", CancellationToken.None);
        var tokensFile = Path.Combine(_directory, "tokens");
        var lines = new List<string> { "# test tokens" };
        foreach (var (name, role) in new[] { ("alice", "viewer"), ("olga", "operator"), ("bob", "operator"), ("root", "admin") })
        {
            var (token, line) = TokenGenerator.Create(name, role);
            _tokens[name] = token;
            lines.Add(line);
        }

        await File.WriteAllLinesAsync(tokensFile, lines);
        var options = new ServeOptions
        {
            Listen = "127.0.0.1:0",
            Kubeconfig = Sim.KubeconfigPath,
            Database = await TestPostgresServer.ConnectionStringForAsync(_database),
            TokensFile = tokensFile,
            SupervisorInterval = TimeSpan.FromSeconds(2),
            EventHeartbeat = TimeSpan.FromSeconds(2),
        };
        _server = Task.Run(() => DrainServer.RunAsync(options, Output, Log, _stop.Token));
        var deadline = TimeSpan.FromSeconds(120);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!Output.Text.Contains(DrainServer.ListeningPrefix, StringComparison.Ordinal))
        {
            if (_server.IsCompleted)
            {
                await _server; // surfaces the startup error
                throw new InvalidOperationException("the server stopped before it listened:\n" + Log.Text);
            }

            if (started.Elapsed > deadline)
            {
                throw new TimeoutException("the server did not listen within 120 s:\n" + Log.Text);
            }

            await Task.Delay(50);
        }

        var line2 = Output.Text.Split('\n').First(l => l.StartsWith(DrainServer.ListeningPrefix, StringComparison.Ordinal));
        BaseAddress = new Uri(line2[DrainServer.ListeningPrefix.Length..].Trim());
    }

    /// <summary>A client of the server as <paramref name="user"/> (null: no Authorization header).</summary>
    public HttpClient Client(string? user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_server is not null)
        {
            try
            {
                await _server.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Best effort.
            }
        }

        await Sim.DisposeAsync();
        if (_database is not null)
        {
            await TestPostgresServer.DropDatabaseAsync(_database, CancellationToken.None);
        }

        _stop.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
