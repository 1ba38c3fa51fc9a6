using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Application budgets (issue 19, docs/budgets.md) on drain-sim: a 3-member database spread over the two drained nodes
/// (<c>Scenarios/budgets.yaml</c>; a third drained node holds only other VMs) with a budget of one member in flight. The ground truth judges: no two members'
/// VMIMs ever unfinished at once (creation to final phase, stricter than the transfer), while other VMs still migrate
/// several at once. Without the budget the members are the longest migrations of both sources and start together.
/// </summary>
public sealed class ApplicationBudgetTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Scenario = "budgets.yaml";
    private const double Speed = 5;

    private static bool IsMember(string vmi) => vmi.StartsWith("db-", StringComparison.Ordinal);

    [Fact]
    public async Task Drain_PolicyBudgetOfOne_NeverTwoMembersAtOnceWhileOthersShareTheClusterLimit()
    {
        await using var sim = await SimulatorProcess.StartAsync(Scenario, Speed);

        var (planCode, plan) = await Drainctl.RunAsync("plan", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--node", "worker-2", "--node", "worker-3",
            "--budget", "db=app=db:max=1", "--db", database.ConnectionString);
        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--node", "worker-2", "--node", "worker-3",
            "--budget", "db=app=db:max=1", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        Assert.True(planCode == 0, plan);
        Assert.Contains("budget db (app=db, Policy): at most 1 in flight: 3 members, 3 to move", plan, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthAsync();
        Assert.Equal(15, truth.Migrations.Count(m => m.Outcome == "Succeeded"));
        Assert.Equal(1, Occupancy.PeakOf(truth, IsMember));
        Assert.True(Occupancy.PeakOf(truth, vmi => !IsMember(vmi)) > 1, truth.ToString());
        Assert.Equal(0, truth.LimitViolations);
    }

    [Fact]
    public async Task Drain_TwoDrainsSharingAnAnnotationBudget_NeverTwoMembersAtOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync(Scenario, Speed);
        var vmis = await sim.Client.ListAllAsync<VirtualMachineInstance>("apps", null, CancellationToken.None);
        var members = vmis.Items.Where(v => IsMember(v.Metadata.Name!)).ToList();
        foreach (var member in members)
        {
            await sim.Client.PatchAsync<VirtualMachineInstance>("apps", member.Metadata.Name!, PatchType.Merge,
                """{"metadata":{"annotations":{"drain-orchestrator.io/budget":"quorum","drain-orchestrator.io/budget-max-in-flight":"1"}}}""",
                CancellationToken.None);
        }

        await using var first = Drainctl.Start(Arguments(sim, "worker-1"));
        await using var second = Drainctl.Start(Arguments(sim, "worker-2"));
        var codes = await Task.WhenAll(first.WaitForExitAsync(Drainctl.Patience), second.WaitForExitAsync(Drainctl.Patience));

        Assert.Equal(3, members.Count);
        Assert.True(codes.All(c => c == 0), $"first:\n{first.Output}\nsecond:\n{second.Output}");
        var truth = await sim.GroundTruthAsync();
        Assert.Equal(11, truth.Migrations.Count(m => m.Outcome == "Succeeded"));
        Assert.Equal(1, Occupancy.PeakOf(truth, IsMember));
        Assert.Equal(0, truth.LimitViolations);
    }

    [Fact]
    public async Task Drain_PodDisruptionBudgetOfOne_NeverTwoMembersAtOnceAndKubeVirtsOwnPdbIgnored()
    {
        await using var sim = await SimulatorProcess.StartAsync(Scenario, Speed);
        await sim.Client.CreateAsync(Pdb("db", maxUnavailable: IntOrString.FromInt(1)), CancellationToken.None);
        // Shaped as KubeVirt's per-VMI PDB (owned by a VMI): read as a budget it would let no member move at all.
        var kubeVirts = Pdb("kubevirt-disruption-budget-q8z4n", minAvailable: IntOrString.FromInt(3));
        kubeVirts.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "kubevirt.io/v1", Kind = "VirtualMachineInstance", Name = "db-0", Uid = "u", Controller = true }];
        await sim.Client.CreateAsync(kubeVirts, CancellationToken.None);

        var (planCode, plan) = await Drainctl.RunAsync("plan", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--node", "worker-2", "--node", "worker-3",
            "--db", database.ConnectionString);
        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--node", "worker-2", "--node", "worker-3",
            "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        Assert.True(planCode == 0, plan);
        Assert.Contains("budget pdb:apps/db (app=db in apps, PodDisruptionBudget): at most 1 unavailable: 3 members, 3 to move", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("kubevirt-disruption-budget", plan, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthAsync();
        Assert.Equal(15, truth.Migrations.Count(m => m.Outcome == "Succeeded"));
        Assert.Equal(1, Occupancy.PeakOf(truth, IsMember));
        Assert.True(Occupancy.PeakOf(truth, vmi => !IsMember(vmi)) > 1, truth.ToString());
        Assert.Equal(0, truth.LimitViolations);
    }

    [Fact]
    public async Task WorkflowRun_PolicyBudgetInYaml_NeverTwoMembersAtOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync(Scenario, Speed);
        var directory = Directory.CreateTempSubdirectory("drain-e2e-budgets-").FullName;
        var file = Path.Combine(directory, "budgeted.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: budgeted}
            policy:
              retryBackoffSeconds: 1
              budgets:
                - name: db
                  selector: {matchLabels: {app: db}}
                  maxInFlight: 1
            steps:
              - {id: select, kind: selectNodes, names: [worker-1, worker-2, worker-3]}
              - id: batches
                kind: forEachBatch
                batchSize: 3
                steps:
                  - {id: cordon, kind: cordon}
                  - {id: drain, kind: drain}
            """);

        var (code, output) = await Drainctl.RunAsync("workflow", "run", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);

        Directory.Delete(directory, recursive: true);
        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthAsync();
        Assert.Equal(15, truth.Migrations.Count(m => m.Outcome == "Succeeded"));
        Assert.Equal(1, Occupancy.PeakOf(truth, IsMember));
        Assert.Equal(0, truth.LimitViolations);
    }

    private static PodDisruptionBudget Pdb(string name, IntOrString? maxUnavailable = null, IntOrString? minAvailable = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "apps" },
        Spec = new PodDisruptionBudgetSpec
        {
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "db" } },
            MaxUnavailable = maxUnavailable,
            MinAvailable = minAvailable,
        },
    };

    private string[] Arguments(SimulatorProcess sim, string node) =>
        ["drain", "--kubeconfig", sim.KubeconfigPath, "--node", node, "--retry-backoff-seconds", "1", "--db", database.ConnectionString];
}
