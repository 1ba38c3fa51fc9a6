using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>Bad input to <c>drainctl drain</c>: a clear error naming the problem, exit code 2, nothing started.</summary>
public sealed class BadInputTests(PostgresDatabaseFixture database, FortySimulatorFixture cluster)
    : IClassFixture<PostgresDatabaseFixture>, IClassFixture<FortySimulatorFixture>
{
    [Fact]
    public async Task Drain_UnknownNodes_EveryOneNamedAndNothingStarted()
    {
        var (code, output) = await DrainAsync("--node", "src-9", "--node", "nope");

        Assert.Equal(2, code);
        Assert.Contains("node 'src-9' does not exist in the cluster", output, StringComparison.Ordinal);
        Assert.Contains("node 'nope' does not exist in the cluster", output, StringComparison.Ordinal);
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task Drain_NodeAlreadyInAnotherDrain_NamesThatDrain()
    {
        var other = new NewDrain(Guid.NewGuid(), "other-drain", cluster.Sim.Server, ["src-1"], "{}", "test");
        await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(other, CancellationToken.None);
        try
        {
            var (code, output) = await DrainAsync("--node", "src-1", "--node", "src-2");

            Assert.Equal(2, code);
            Assert.Contains("node 'src-1' already belongs to drain 'other-drain'", output, StringComparison.Ordinal);
            Assert.Empty((await cluster.Sim.GroundTruthAsync()).Migrations);
        }
        finally
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "UPDATE drains SET state = 'cancelled', finished_at = now() WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", other.Id);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Drain_LimitAboveTheClusters_SaysWhichAndHowToAllowIt()
    {
        var (code, output) = await DrainAsync("--node", "src-1", "--max-parallel", "10", "--max-outbound", "3");

        Assert.Equal(2, code);
        Assert.Contains("10", output, StringComparison.Ordinal);
        Assert.Contains("--allow-above-cluster-limits", output, StringComparison.Ordinal);
        await AssertNothingStartedAsync();
    }

    [Theory]
    [InlineData("--max-parallel", "many")]
    [InlineData("--wave-mode", "sideways")]
    [InlineData("--non-migratable", "ignore")]
    [InlineData("--lease-seconds", "1")]
    [InlineData("--max-attempts", "0")]
    [InlineData("--db-outage-timeout-seconds", "0")]
    [InlineData("--verify-settle-timeout-seconds", "-1")]
    public async Task Drain_MalformedOption_RefusedNamingTheOption(string option, string value)
    {
        var (code, output) = await DrainAsync("--node", "src-1", option, value);

        Assert.Equal(2, code);
        Assert.Contains(option.TrimStart('-'), output, StringComparison.OrdinalIgnoreCase);
        await AssertNothingStartedAsync();
    }

    private Task<(int ExitCode, string Output)> DrainAsync(params string[] arguments) =>
        Drainctl.RunAsync(["drain", "--kubeconfig", cluster.Sim.KubeconfigPath, .. arguments, "--db", database.ConnectionString]);

    private async Task AssertNothingStartedAsync()
    {
        Assert.DoesNotContain(await Records.DrainsAsync(database.DataSource), d => d.Cluster == cluster.Sim.Server && d.Name != "other-drain");
        Assert.Empty((await cluster.Sim.GroundTruthAsync()).Migrations);
        var nodes = await cluster.Sim.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        Assert.All(nodes.Items, n => Assert.NotEqual(true, n.Spec?.Unschedulable));
    }
}
