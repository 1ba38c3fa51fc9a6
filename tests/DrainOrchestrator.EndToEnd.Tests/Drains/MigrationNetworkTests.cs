using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The dedicated migration network end to end on drain-sim (issue 15): the check the OpenShift Virtualization docs leave
/// to the operator (is each migration's target address on the migration network?) made by the drain, recorded per
/// migration and reported; a node without the network's interface is detected under the policy's warn and fail.
/// </summary>
public sealed class MigrationNetworkTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;
    private const string Network = "kubevirt/migration-net";

    [Fact]
    public async Task Drain_DedicatedMigrationNetwork_ReportsEveryMigrationOnIt()
    {
        await using var sim = await SimulatorProcess.StartAsync("migration-network.yaml", Speed);

        var (code, output) = await DrainAsync(sim, "warn");

        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthAsync();
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, await Records.AttemptsAsync(database.DataSource, drain.Id), maxParallel: 5, maxOutbound: 2);
        var addresses = TrueAddresses(truth);
        var migrations = await ReportedMigrationsAsync(drain.Name);
        Assert.Equal(4, migrations.Count);
        Assert.All(migrations, m =>
        {
            Assert.Equal("succeeded", m["outcome"]!.GetValue<string>());
            var network = m["network"]!;
            Assert.Equal(Network, network["migrationNetwork"]!.GetValue<string>());
            Assert.True(network["onMigrationNetwork"]!.GetValue<bool>(), m.ToJsonString());
            var address = network["targetAddress"]!.GetValue<string>();
            Assert.StartsWith("192.168.50.", address, StringComparison.Ordinal);
            Assert.Equal(addresses[m["vmim"]!.GetValue<string>()], address);
        });
        Assert.DoesNotContain("pod network", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_NodeWithoutTheMigrationNicUnderWarn_SucceedsAndReportsThePodNetwork()
    {
        await using var sim = await SimulatorProcess.StartAsync("migration-network-broken.yaml", Speed);

        var (code, output) = await DrainAsync(sim, "warn");

        Assert.True(code == 0, output);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        Assert.All(attempts, a => Assert.Equal((AttemptOutcome.Succeeded, "spare-1", Network, false),
            (a.Outcome, a.TargetNode, a.Network?.MigrationNetwork, a.Network?.OnMigrationNetwork)));
        var migrations = await ReportedMigrationsAsync(drain.Name);
        Assert.Equal(3, migrations.Count);
        Assert.All(migrations, m => Assert.False(m["network"]!["onMigrationNetwork"]!.GetValue<bool>()));
        var (_, table) = await Drainctl.RunAsync("report", drain.Name, "--db", database.ConnectionString);
        Assert.Contains("via pod network, not " + Network, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_NodeWithoutTheMigrationNicUnderFail_FailsNamingTheNodeAndTheFix()
    {
        await using var sim = await SimulatorProcess.StartAsync("migration-network-broken.yaml", Speed);

        var (code, output) = await DrainAsync(sim, "fail");

        Assert.True(code == 1, output);
        Assert.Contains("migrationNetwork is fail", output, StringComparison.Ordinal);
        Assert.Contains("to spare-1 used the pod network", output, StringComparison.Ordinal);
        Assert.Contains("outside 192.168.50.0/24", output, StringComparison.Ordinal);
        Assert.Contains("restart virt-handler there", output, StringComparison.Ordinal);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainOrchestrator.Persistence.Drains.DrainState.Failed, drain.State);
        var missed = (await Records.AttemptsAsync(database.DataSource, drain.Id)).Where(a => a.Network?.MissedMigrationNetwork == true).ToList();
        Assert.NotEmpty(missed);
    }

    private Task<(int ExitCode, string Output)> DrainAsync(SimulatorProcess sim, string policy) =>
        Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--retry-backoff-seconds", "1",
            "--migration-network-policy", policy, "--db", database.ConnectionString);

    private async Task<List<JsonNode>> ReportedMigrationsAsync(string drain)
    {
        var (code, output) = await Drainctl.RunAsync("report", drain, "--format", "json", "--db", database.ConnectionString);
        Assert.True(code == 0, output);
        var report = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. report["migrations"]!.AsArray().Select(m => m!)];
    }

    // Each VMIM's target address as drain-sim handed it to virt-handler (its ground truth).
    private static Dictionary<string, string> TrueAddresses(GroundTruth truth) =>
        truth.Document["migrations"]!.AsArray().ToDictionary(m => m!["name"]!.GetValue<string>(),
            m => m!["targetNodeAddress"]!.GetValue<string>(), StringComparer.Ordinal);
}
