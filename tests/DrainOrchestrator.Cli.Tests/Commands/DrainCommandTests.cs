using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class DrainCommandTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_MissingKubeconfig_BadInputNothingStarted()
    {
        var run = await DrainctlRun.RunAsync("drain", "--kubeconfig", "/nonexistent/kubeconfig", "--node", "w1", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("kubeconfig", run.Error, StringComparison.Ordinal);
        Assert.Empty(await new DrainStore(database.DataSource, TimeProvider.System).ListAsync(activeOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task Drain_MalformedOption_BadInput()
    {
        var run = await DrainctlRun.RunAsync("drain", "--kubeconfig", "k", "--node", "w1", "--max-parallel", "many", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task SignalsStatusReport_RecordedDrain_ShownAndChanged()
    {
        var id = Guid.NewGuid();
        var name = "cli-" + id.ToString("N")[..8];
        await new DrainStore(database.DataSource, TimeProvider.System)
            .CreateAsync(new NewDrain(id, name, "c-" + name, ["w1"], "{}", "test"), CancellationToken.None);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new WaveStore(database.DataSource, TimeProvider.System).RecordPlanAsync(transaction, id, "rolling", 5, [new(1, 1)], CancellationToken.None);
            await new AttemptStore(database.DataSource, TimeProvider.System).InsertIntendedAsync(transaction,
                new NewAttempt(id, 1, 1, "vms", "vm-a", "uid-a", "w1", "w2", "drain-" + id.ToString("N")[..10] + "-1", false), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var pause = await DrainctlRun.RunAsync("pause", name, "--db", database.ConnectionString);
        var pauseAgain = await DrainctlRun.RunAsync("pause", name, "--db", database.ConnectionString);
        var status = await DrainctlRun.RunAsync("status", name, "--db", database.ConnectionString);
        var csv = await DrainctlRun.RunAsync("report", name, "--format", "csv", "--db", database.ConnectionString);
        var json = await DrainctlRun.RunAsync("report", name, "--format", "json", "--db", database.ConnectionString);
        var cancel = await DrainctlRun.RunAsync("cancel", name, "--db", database.ConnectionString);
        var unknown = await DrainctlRun.RunAsync("status", "no-such-drain", "--db", database.ConnectionString);

        Assert.Equal(ExitCodes.Success, pause.ExitCode);
        Assert.Equal(ExitCodes.Success, pauseAgain.ExitCode);
        Assert.Contains("paused", status.Output, StringComparison.Ordinal);
        Assert.Contains("w1", status.Output, StringComparison.Ordinal);
        Assert.StartsWith("wave,vmi,attempt,source,target", csv.Output, StringComparison.Ordinal);
        Assert.Contains("vms/vm-a,1,w1,w2", csv.Output, StringComparison.Ordinal);
        Assert.Contains("\"migrations\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("cancelling", cancel.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
    }
}
