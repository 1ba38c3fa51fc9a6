using Dapper;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Drains;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The engine follows the cluster, not a picture of it: a revoked list/watch permission holds the drain (nothing new
/// starts while its view is stale, status says so) until it is restored; a lowered KubeVirt limit is honoured from the
/// pass that sees it; and nothing the drain owned outlives it, even what a killed engine left behind.
/// </summary>
public sealed class ClusterViewTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Vmims = "virtualmachineinstancemigrations";
    private const double Speed = 2;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private string[] DrainArguments(SimulatorProcess sim, params string[] extra) =>
    [
        "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2", "--non-migratable", "skip",
        "--retry-backoff-seconds", "1", "--lease-seconds", "2", "--db", database.ConnectionString, .. extra,
    ];

    [Fact]
    public async Task Drain_VmimListAndWatchForbiddenMidDrain_HoldsWhileStaleShowsItInStatusAndCompletesOnceRestored()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed);
        // An RBAC change reaches a watch when it reconnects: the API server cuts the VMIM watches every 2 s, so the
        // revocation below bites at once, as it does on a real server at the latest when the watch times out.
        var cutWatches = $$"""{"resource":"{{Vmims}}","verb":"watch","dropWatchAfter":"2s"}""";
        await sim.PostAdminAsync("/sim/v1/faults", $$"""{"rules":[{{cutWatches}}]}""");
        await using var drain = Drainctl.Start(DrainArguments(sim, "--view-stale-seconds", "3"));
        using var deadline = new CancellationTokenSource(Drainctl.Patience);
        await UntilAsync(async () => await sim.RequestCountAsync("create", Vmims) >= 3 || drain.HasExited, deadline.Token);
        Assert.False(drain.HasExited, drain.Output);
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);

        await sim.PostAdminAsync("/sim/v1/faults", $$"""
            {"rules":[{"resource":"{{Vmims}}","verb":"watch","forbid":true},{"resource":"{{Vmims}}","verb":"list","forbid":true}]}
            """);
        await UntilAsync(async () => await Journal.CountAsync(database.DataSource, record.Id, "drain.view_stale") > 0, deadline.Token);
        var createsWhenHeld = await sim.RequestCountAsync("create", Vmims);
        var (_, status) = await Drainctl.RunAsync("status", "--db", database.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(5), deadline.Token);
        var createsAfterHolding = await sim.RequestCountAsync("create", Vmims);
        var exitedWhileStale = drain.HasExited;
        await sim.DeleteAdminAsync("/sim/v1/faults");
        var code = await drain.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"status while stale:\n{status}\nexit {code}:\n{drain.Output}");

        Assert.False(exitedWhileStale, drain.Output);
        Assert.Equal(createsWhenHeld, createsAfterHolding);
        Assert.Contains("holding: the cluster view has not followed the API server", status, StringComparison.Ordinal);
        Assert.Contains($"{Vmims}: not in sync", status, StringComparison.Ordinal);
        Assert.Contains("403", status, StringComparison.Ordinal);
        Assert.True(code == 0, drain.Output);
        Assert.Equal(1, await Journal.CountAsync(database.DataSource, record.Id, "drain.view_stale"));
        Assert.Equal(1, await Journal.CountAsync(database.DataSource, record.Id, "drain.view_recovered"));
        var finished = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Assert.Equal(DrainState.Succeeded, finished.State);
        Records.AssertOneAttemptPerVmimAndLimitsKept(await sim.GroundTruthAsync(), await Records.AttemptsAsync(database.DataSource, record.Id),
            maxParallel: 5, maxOutbound: 2);
    }

    [Fact]
    public async Task Drain_ClusterLimitLoweredMidDrain_NoVmimCreatedAfterTheChangeWasObservedWhileTheNewLimitWasReached()
    {
        const int Lowered = 2;
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed);
        await using var drain = Drainctl.Start(DrainArguments(sim));
        using var deadline = new CancellationTokenSource(Drainctl.Patience);
        await UntilAsync(async () => await sim.RequestCountAsync("create", Vmims) >= 5 || drain.HasExited, deadline.Token);
        Assert.False(drain.HasExited, drain.Output);

        // As kubectl patch --type merge would.
        await sim.Client.PatchAsync<KubeVirt>("kubevirt", "kubevirt", PatchType.Merge,
            "{\"spec\":{\"configuration\":{\"migrations\":{\"parallelMigrationsPerCluster\":" + Lowered + "}}}}", deadline.Token);
        var code = await drain.WaitForExitAsync(Drainctl.Patience);
        log.WriteLine($"exit {code}:\n{drain.Output}");

        Assert.True(code == 0, drain.Output);
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var change = Assert.Single(await connection.QueryAsync<(long Seq, int Old, int New)>("""
            SELECT seq, (payload -> 'old' ->> 'parallelMigrationsPerCluster')::int, (payload -> 'new' ->> 'parallelMigrationsPerCluster')::int
              FROM event_journal WHERE drain_id = @id AND kind = 'cluster.limits_changed'
            """, new { id = record.Id }));
        Assert.Equal((5, Lowered), (change.Old, change.New));
        // "Within one pass": every VMIM intended by a pass that had seen the change (journaled after it) was created
        // only while fewer than the new limit of the others were really in flight (the simulator's ground truth).
        var intendedAfter = (await connection.QueryAsync<string>(
            "SELECT payload ->> 'vmim' FROM event_journal WHERE drain_id = @id AND kind = 'attempt.intended' AND seq > @seq",
            new { id = record.Id, seq = change.Seq })).ToHashSet(StringComparer.Ordinal);
        var lifetimes = TrueLifetime.Of(await sim.GroundTruthAsync());
        var createdAfter = lifetimes.Where(l => intendedAfter.Contains(l.Name)).ToList();
        Assert.NotEmpty(createdAfter);
        Assert.All(createdAfter, created =>
        {
            var others = lifetimes.Count(l => l.Name != created.Name && l.InFlightAt(created.CreatedAt));
            Assert.True(others < Lowered, $"{created.Name} was created at {created.CreatedAt:O} with {others} others in flight");
        });
    }

    [Fact]
    public async Task Drain_PolicyAndMarkerLeftByAKilledEngine_SweptOnRecoveryAndNothingOwnedOutlivesTheDrain()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", Speed);
        await using (var first = Drainctl.Start(DrainArguments(sim)))
        {
            using var started = new CancellationTokenSource(Drainctl.Patience);
            await UntilAsync(async () => await sim.RequestCountAsync("create", Vmims) >= 1 || first.HasExited, started.Token);
            Assert.False(first.HasExited, first.Output);
            await first.KillAsync();
        }

        // What an engine killed between creating a post-copy policy and recording its attempt leaves behind.
        var record = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var vmi = (await sim.VmisAsync())["apps/web-7"];
        var policy = MigrationNaming.PostCopyPolicyName(record.Id.ToString("D"), vmi.Metadata.Uid!);
        await sim.Client.CreateAsync(new MigrationPolicy
        {
            Metadata = new ObjectMeta { Name = policy },
            Spec = new MigrationPolicySpec
            {
                Selectors = new MigrationPolicySelectors
                {
                    VirtualMachineInstanceSelector = new Dictionary<string, string> { [PostCopyPolicyDesigner.MarkerLabelKey] = policy },
                },
                AllowPostCopy = true,
            },
        }, CancellationToken.None);
        await sim.Client.PatchAsync<VirtualMachineInstance>("apps", "web-7", PatchType.Merge,
            "{\"metadata\":{\"labels\":{\"" + PostCopyPolicyDesigner.MarkerLabelKey + "\":\"" + policy + "\"}}}", CancellationToken.None);

        var (code, output) = await Drainctl.RunAsync(DrainArguments(sim));
        log.WriteLine($"exit {code}:\n{output}");

        Assert.True(code == 0, output);
        var policies = await sim.Client.ListAllAsync<MigrationPolicy>(null, null, CancellationToken.None);
        Assert.DoesNotContain(policies.Items, p => p.Metadata.Name!.StartsWith(MigrationNaming.PostCopyPolicyPrefix, StringComparison.Ordinal));
        var marked = (await sim.VmisAsync()).Values.Where(v => v.Metadata.Labels?.ContainsKey(PostCopyPolicyDesigner.MarkerLabelKey) == true);
        Assert.Empty(marked.Select(v => v.Metadata.Name));
        var leases = await sim.Client.ListAllAsync<Lease>(null, null, CancellationToken.None);
        Assert.DoesNotContain(leases.Items, l => l.Spec?.HolderIdentity == "drain-orchestrator/" + record.Id.ToString("D"));
        Assert.True(await Journal.CountAsync(database.DataSource, record.Id, "drain.owned_swept") >= 1, "the sweep is journaled");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
