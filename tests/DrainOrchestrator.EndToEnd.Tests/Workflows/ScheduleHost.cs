using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// What fires a stored schedule and runs the instances it fires, for the window tests: a <c>drainctl serve</c> process
/// on the test database and the simulator. Its schedule ticker records each occurrence and enqueues the instance it
/// fires; its workflow job runs the instance, suspends it at the window's end and runs it on when the next occurrence
/// fires. drainctl talks to it with <see cref="Remote"/>.
/// </summary>
internal sealed class ScheduleHost : IAsyncDisposable
{
    private readonly PostgresDatabaseFixture _database;

    private ScheduleHost(PostgresDatabaseFixture database, ServerProcess server, string[] remote) => (_database, Server, Remote) = (database, server, remote);

    public ServerProcess Server { get; }

    /// <summary><c>--server URL --token-file FILE</c> with an operator's token.</summary>
    public string[] Remote { get; }

    /// <summary>Starts the server; <paramref name="environment"/> is added to its environment (e.g. the cluster-time knob).</summary>
    public static async Task<ScheduleHost> StartAsync(PostgresDatabaseFixture database, string kubeconfig, IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Path.GetDirectoryName(kubeconfig)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        var server = await ServerProcess.StartAsync(kubeconfig, database.ConnectionString, tokens.Path, environment);
        return new ScheduleHost(database, server, ["--server", server.Url.ToString(), "--token-file", tokenFile]);
    }

    /// <summary>Waits until the (single) instance the schedule fired has ended; returns it.</summary>
    public async Task<WorkflowInstanceRecord> RunUntilFinishedAsync(string schedule, TimeSpan patience)
    {
        var schedules = new ScheduleStore(_database.DataSource, TimeProvider.System);
        var instances = new WorkflowStore(_database.DataSource, TimeProvider.System);
        var record = (await schedules.ListAsync(CancellationToken.None)).Single(s => s.Name == schedule);
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var fired = (await schedules.FiringsAsync(record.Id, CancellationToken.None)).Where(f => f.InstanceId is not null).Select(f => f.InstanceId!.Value)
                .Distinct().ToList();
            foreach (var id in fired)
            {
                var instance = (await instances.FindAsync(id.ToString("D"), CancellationToken.None))!;
                if (instance.IsFinal)
                {
                    return instance;
                }
            }

            Assert.False(Server.HasExited, $"the server exited: {Server.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"the instance of schedule {schedule} did not end within {patience}; server: {Server.Output}");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
