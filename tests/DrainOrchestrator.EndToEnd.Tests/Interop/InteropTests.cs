using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Interop;

/// <summary>
/// What other tools see of a drain, read back from drain-sim as kubectl reads it: the node lifecycle conditions during
/// and after the drain, the medik8s maintenance Lease held while it runs and released after, a node that
/// node-maintenance-operator holds refused with the holder named, and conditions the cluster refuses reported, not fatal.
/// </summary>
public sealed class InteropTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;
    private const string LeaseNamespace = "medik8s-leases";

    // Each VMIM create waits this long in drain-sim, so the drain is reliably under way while the test looks.
    private const string SlowCreates = "virtualmachineinstancemigrations/create:delay=2s";

    [Fact]
    public async Task Drain_WhileRunningAndAfter_ConditionsOnTheNodeAndTheMaintenanceLeaseHeldThenReleased()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed, "--fault", SlowCreates);
        await CreateLeaseNamespaceAsync(sim);
        await using var drain = Drainctl.Start("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--max-parallel", "2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        var during = await Eventually(async () =>
        {
            var node = await sim.Client.GetAsync<Node>(null, "src-1", CancellationToken.None);
            var lease = await FindLeaseAsync(sim, "node-src-1");
            return Condition(node, "DrainInProgress")?.Status == "True" && lease?.Spec?.HolderIdentity is { } holder ? (Node: node, Holder: holder, Lease: lease) : default;
        }, "DrainInProgress True on src-1 with its maintenance Lease held");
        var code = await drain.WaitForExitAsync(Drainctl.Patience);
        var after = await sim.Client.GetAsync<Node>(null, "src-1", CancellationToken.None);
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);

        Assert.True(code == 0, drain.Output);
        Assert.Equal(("False", "DrainStarted"), Pair(Condition(during.Node, "Drained")));
        Assert.Equal("drain-orchestrator/" + record.Id.ToString("D"), during.Holder);
        Assert.Equal(3600, during.Lease!.Spec!.LeaseDurationSeconds);
        Assert.Equal(("Node", "src-1"), (during.Lease.Metadata.OwnerReferences?.Single().Kind, during.Lease.Metadata.OwnerReferences?.Single().Name));
        Assert.Equal(("False", "DrainSucceeded"), Pair(Condition(after, "DrainInProgress")));
        Assert.Equal(("True", "DrainSucceeded"), Pair(Condition(after, "Drained")));
        Assert.True(Condition(after, "Drained")!.LastTransitionTime >= Condition(during.Node, "DrainInProgress")!.LastTransitionTime);
        Assert.Equal("True", Condition(after, "Ready")?.Status);
        Assert.Null(await FindLeaseAsync(sim, "node-src-1"));
    }

    [Fact]
    public async Task Drain_NodeUnderMaintenanceByNodeMaintenanceOperator_RefusedNamingTheHolderNodeUntouched()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        await CreateLeaseNamespaceAsync(sim);
        var node = await sim.Client.GetAsync<Node>(null, "src-2", CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        await sim.Client.CreateAsync(new Lease
        {
            Metadata = new ObjectMeta
            {
                Name = "node-src-2",
                Namespace = LeaseNamespace,
                OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = "src-2", Uid = node.Metadata.Uid }],
            },
            Spec = new LeaseSpec { HolderIdentity = "node-maintenance", LeaseDurationSeconds = 3600, AcquireTime = now, RenewTime = now, LeaseTransitions = 0 },
        }, CancellationToken.None);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-2", "--non-migratable", "skip",
            "--db", database.ConnectionString);

        Assert.True(code == 1, output);
        Assert.Contains("'node-maintenance'", output, StringComparison.Ordinal);
        Assert.Contains("medik8s-leases/node-src-2", output, StringComparison.Ordinal);
        var after = await sim.Client.GetAsync<Node>(null, "src-2", CancellationToken.None);
        Assert.NotEqual(true, after.Spec?.Unschedulable);
        Assert.Null(Condition(after, "DrainInProgress"));
        Assert.Equal("node-maintenance", (await FindLeaseAsync(sim, "node-src-2"))?.Spec?.HolderIdentity);
        Assert.Equal(8, (await sim.VmisAsync()).Values.Count(v => v.Status!.NodeName == "src-2"));
    }

    [Fact]
    public async Task Drain_ConditionsForbiddenAndNoLeaseNamespace_DrainSucceedsAndTheReportSaysWhyAndHowToFix()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed, "--fault", "nodes/status/patch:forbid");

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-3", "--non-migratable", "skip",
            "--retry-backoff-seconds", "1", "--db", database.ConnectionString);
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var report = await Drainctl.RunAsync("report", record.Name, "--db", database.ConnectionString);

        Assert.True(code == 0, output);
        Assert.Equal(2, await Journal.CountAsync(database.DataSource, record.Id, "interop.refused"));
        var lines = report.Output.Split('\n').Where(l => l.StartsWith("Interop: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Contains("node conditions not set", StringComparison.Ordinal) && l.Contains("nodes/status", StringComparison.Ordinal)
            && l.Contains("403", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("maintenance lease not set", StringComparison.Ordinal)
            && l.Contains("kubectl create namespace medik8s-leases", StringComparison.Ordinal));
        var node = await sim.Client.GetAsync<Node>(null, "src-3", CancellationToken.None);
        Assert.Null(Condition(node, "Drained"));
        Assert.DoesNotContain((await sim.VmisAsync()).Values, v => v.Status!.NodeName == "src-3");
    }

    private static async Task CreateLeaseNamespaceAsync(SimulatorProcess sim) =>
        await sim.Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = LeaseNamespace } }, CancellationToken.None);

    private static async Task<Lease?> FindLeaseAsync(SimulatorProcess sim, string name)
    {
        try
        {
            return await sim.Client.GetAsync<Lease>(LeaseNamespace, name, CancellationToken.None);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    private static NodeCondition? Condition(Node node, string type) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static (string?, string?) Pair(NodeCondition? condition) => (condition?.Status, condition?.Reason);

    // Polls (every 100 ms, for at most two minutes: a guard against hangs, not a timing assertion) until probe gives a value.
    private static async Task<T> Eventually<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (await probe() is { } value && !EqualityComparer<T>.Default.Equals(value, default))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"never saw {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
