using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Server.Bench.Serving;

/// <summary>
/// One phase's processes: a fresh database on the bench's PostgreSQL, a fresh drain-sim on the phase's scenario, and
/// <c>drainctl serve</c> on both (it applies the schema and prepares Hangfire's at start-up), ready.
/// </summary>
internal sealed class ServedCluster : IAsyncDisposable
{
    private ServedCluster(string databaseName, string connectionString, SimulatorProcess simulator, ServerProcess server)
    {
        (DatabaseName, ConnectionString, Simulator, Server) = (databaseName, connectionString, simulator, server);
    }

    public string DatabaseName { get; }

    /// <summary>The phase's database, for reading the journal the server wrote.</summary>
    public string ConnectionString { get; }

    public SimulatorProcess Simulator { get; }

    public ServerProcess Server { get; }

    public static async Task<ServedCluster> StartAsync(Programs programs, BenchDatabase database, ApiTokens tokens, string databaseName,
        string scenario, double speed, bool verboseJsonLog, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var connection = await database.CreateDatabaseAsync(databaseName, cancellationToken);
        var simulator = await SimulatorProcess.StartAsync(
            new SimulatorLaunch(programs.DrainSim, scenario, speed) { Directory = directory, GroundTruthOnExit = true }, cancellationToken);
        try
        {
            var server = await ServerProcess.StartAsync(programs.Drainctl, simulator.KubeconfigPath, connection, tokens.Path, verboseJsonLog);
            return new ServedCluster(databaseName, connection, simulator, server);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the server's output to <c>server.log</c> in <paramref name="directory"/>.</summary>
    public async Task SaveLogAsync(string directory) =>
        await File.WriteAllLinesAsync(Path.Combine(directory, "server.log"), Server.Lines);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
