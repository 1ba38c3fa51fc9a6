using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary><c>--non-migratable shutdown</c> and how a report shows a restart elsewhere.</summary>
public sealed class ShutdownOptionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_NonMigratableShutdown_AcceptedAsAnOption()
    {
        var shutdown = await DrainctlRun.RunAsync("drain", "--kubeconfig", "/nonexistent/kubeconfig", "--node", "w1",
            "--non-migratable", "shutdown", "--db", database.ConnectionString);
        var unknown = await DrainctlRun.RunAsync("drain", "--kubeconfig", "/nonexistent/kubeconfig", "--node", "w1",
            "--non-migratable", "evict", "--db", database.ConnectionString);

        Assert.DoesNotContain("--non-migratable", shutdown.Error, StringComparison.Ordinal);
        Assert.Contains("kubeconfig", shutdown.Error, StringComparison.Ordinal);
        Assert.Contains("--non-migratable must be block or skip or shutdown, was 'evict'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RestartAttempt_ShownAsRestartWithItsTarget()
    {
        var id = Guid.NewGuid();
        var name = "cli-" + id.ToString("N")[..8];
        var attempt = "drain-" + id.ToString("N")[..10] + "-1";
        await new DrainStore(database.DataSource, TimeProvider.System)
            .CreateAsync(new NewDrain(id, name, "c-" + name, ["w1"], "{}", "test"), CancellationToken.None);
        var store = new AttemptStore(database.DataSource, TimeProvider.System);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.InsertIntendedAsync(transaction,
                new NewAttempt(id, 0, 1, "vms", "legacy", "uid-legacy", "w1", null, attempt, false, AttemptKind.Restart), CancellationToken.None);
            await store.ObserveAsync(transaction, attempt, new AttemptObservation(AttemptOutcome.Succeeded, TargetNode: "w3"), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var table = await DrainctlRun.RunAsync("report", name, "--db", database.ConnectionString);
        var json = await DrainctlRun.RunAsync("report", name, "--format", "json", "--db", database.ConnectionString);
        var csv = await DrainctlRun.RunAsync("report", name, "--format", "csv", "--db", database.ConnectionString);

        Assert.Contains("Restarts (shut down, started elsewhere by the run strategy)", table.Output, StringComparison.Ordinal);
        Assert.Contains("vms/legacy", table.Output, StringComparison.Ordinal);
        Assert.Contains("w1 -> w3", table.Output, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"restart\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"Restart\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("0,vms/legacy,1,w1,w3," + attempt + ",succeeded,Restart,", csv.Output, StringComparison.Ordinal);
    }
}
