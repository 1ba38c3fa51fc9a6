using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Security;

/// <summary>
/// Issue 17: deploy/'s roles are exactly what the product needs. On drain-sim, which authorizes every request by RBAC,
/// a whole drain and a workflow succeed with a token bound only to the shipped roles; with any single rule removed,
/// they fail with an error that names the missing permission (verb, resource, API group). A cluster-view rule stops them
/// at once; the two rules for what a drain only adds for others to see (node conditions, the medik8s node Lease) fail
/// them before any VM moves under the policy requireInterop, which these runs set (without it the drain goes on and
/// reports the refusal with the grant to add: InteropTests, deploy/README.md). The cluster has a dedicated migration
/// network and the runs set migrationNetwork: fail, so reading its NetworkAttachmentDefinition is needed too.
/// </summary>
public sealed class LeastPrivilegeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    private const string Workflow = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: least-privilege}
        parameters:
          nodes: {type: stringList}
        policy: {nonMigratable: skip, retryBackoffSeconds: 1, requireInterop: true, migrationNetwork: fail}
        steps:
          - {id: select, kind: selectNodes, names: "${params.nodes}"}
          - id: batches
            kind: forEachBatch
            batchSize: 1
            order: name
            steps:
              - {id: cordon, kind: cordon}
              - {id: drain, kind: drain}
              - {id: uncordon, kind: uncordon}
          - {id: report, kind: report}
        """;

    public static TheoryData<int> RuleIndexes => [.. Enumerable.Range(0, ShippedRoles.Rules().Count)];

    [Fact]
    public async Task ShippedRoles_AWholeDrainAndAWorkflowSucceedWithNothingRefused()
    {
        await using var sim = await SimulatorProcess.StartAsync(WithMigrationNetwork(), Speed);
        await ShippedRoles.ApplyAsync(sim);
        var kubeconfig = await ShippedRoles.KubeconfigAsync(sim);

        var drain = await Drainctl.RunAsync("drain", "--kubeconfig", kubeconfig, "--db", database.ConnectionString, "--node", "src-1", "--require-interop",
            "--migration-network-policy", "fail");
        var workflow = await Drainctl.RunAsync("workflow", "run", await WorkflowFileAsync(sim), "--kubeconfig", kubeconfig,
            "--db", database.ConnectionString, "--param", "nodes=src-2");

        Assert.True(drain.ExitCode == 0, drain.Output);
        Assert.True(workflow.ExitCode == 0, workflow.Output);
        Assert.DoesNotContain("forbidden", drain.Output + workflow.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain((await sim.VmisAsync()).Values, v => v.Status!.NodeName is "src-1" or "src-2");
        // Every request was the ServiceAccount's: the roles were used, not the admin token.
        Assert.True(await sim.RequestCountAsync("create", "virtualmachineinstancemigrations") >= 16);
    }

    [Theory]
    [MemberData(nameof(RuleIndexes))]
    public async Task AnyRuleRemoved_TheDrainAndTheWorkflowFailWithAnErrorNamingThatPermission(int index)
    {
        var rule = ShippedRoles.Rules()[index];
        await using var sim = await SimulatorProcess.StartAsync(WithMigrationNetwork(), Speed);
        await ShippedRoles.ApplyAsync(sim, without: rule);
        var kubeconfig = await ShippedRoles.KubeconfigAsync(sim);

        var drain = await Drainctl.RunAsync("drain", "--kubeconfig", kubeconfig, "--db", database.ConnectionString, "--node", "src-3", "--require-interop",
            "--migration-network-policy", "fail");
        var workflow = await Drainctl.RunAsync("workflow", "run", await WorkflowFileAsync(sim), "--kubeconfig", kubeconfig,
            "--db", database.ConnectionString, "--param", "nodes=src-4");

        // kube-apiserver's wording: User "system:serviceaccount:NS:NAME" cannot VERB resource "RESOURCE" in API group "GROUP".
        var named = $"cannot {{0}} resource \"{rule.Resource}\" in API group \"{rule.Group}\"";
        foreach (var (what, run) in new[] { ("drain", drain), ("workflow", workflow) })
        {
            Assert.True(rule.Verbs.Any(v => run.Output.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, named, v), StringComparison.Ordinal)),
                $"{what} without {rule}: no error naming the permission:\n{run.Output}");
            Assert.Contains($"system:serviceaccount:{ShippedRoles.Namespace}:{ShippedRoles.Account}", run.Output, StringComparison.Ordinal);
            Assert.True(run.ExitCode != 0, $"{what} without {rule} exited 0:\n{run.Output}");
            if (rule.Resource is "nodes/status" or "leases")
            {
                Assert.Contains("Grant the drain's identity", run.Output, StringComparison.Ordinal);
                Assert.Contains("requireInterop failed the drain before any VM moved", run.Output, StringComparison.Ordinal);
            }
        }

        // Nothing moved off the nodes the failed runs were given: the two informational rules fail before the migrations.
        if (rule.Resource is "nodes/status" or "leases")
        {
            Assert.Contains((await sim.VmisAsync()).Values, v => v.Status!.NodeName is "src-3");
            Assert.Equal(0, await sim.RequestCountAsync("create", "virtualmachineinstancemigrations"));
        }
    }

    /// <summary>
    /// Evacuations need more than drains (they create VMs and DataVolumes): the optional component
    /// deploy/components/evacuation. With the base's roles alone an evacuation is refused naming a permission, before
    /// anything is created; with the component's too, ten VMs move, each once.
    /// </summary>
    [Fact]
    public async Task EvacuationComponent_WithoutItRefusedNamingAPermission_WithItTheVmsMove()
    {
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await Evacuations.EvacuationSim.SetGateAsync(sim, on: true);
        await ShippedRoles.ApplyAsync(sim);
        var kubeconfig = await ShippedRoles.KubeconfigAsync(sim);
        string[] Arguments() => [.. Evacuations.EvacuationSim.Arguments(sim, database.ConnectionString).Select(a => a == sim.KubeconfigPath ? kubeconfig : a)];

        var refused = await Drainctl.RunAsync(Arguments());

        Assert.True(refused.ExitCode != 0, refused.Output);
        Assert.Contains($"system:serviceaccount:{ShippedRoles.Namespace}:{ShippedRoles.Account}\" cannot", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, await sim.RequestCountAsync("create", "virtualmachines"));

        await ShippedRoles.ApplyAsync(sim, more: ShippedRoles.EvacuationFiles);
        var moved = await Drainctl.RunAsync(Arguments());

        Assert.True(moved.ExitCode == 0, moved.Output);
        Assert.DoesNotContain("forbidden", moved.Output, StringComparison.OrdinalIgnoreCase);
        Evacuations.EvacuationSim.AssertMovedOnce(await sim.GroundTruthDocumentAsync(), 10);
    }

    // replicas.yaml with a dedicated migration network on every node, written once per test run.
    private static string WithMigrationNetwork()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "replicas.yaml"));
        const string Limits = "    parallelOutboundMigrationsPerNode: 2\n";
        const string Nic = "    nicBandwidth: 10Gbit\n";
        Assert.Contains(Limits, yaml, StringComparison.Ordinal);
        Assert.Contains(Nic, yaml, StringComparison.Ordinal);
        yaml = yaml.Replace(Limits, Limits + "    network: migration-net\n", StringComparison.Ordinal)
            .Replace(Nic, Nic + "    migrationNic: 10Gbit\n", StringComparison.Ordinal)
            + """
            networkAttachmentDefinitions:
              - name: migration-net
                config: '{"cniVersion":"0.3.1","type":"macvlan","master":"eth1","ipam":{"type":"whereabouts","range":"192.168.50.0/24"}}'

            """;
        var file = Path.Combine(Path.GetTempPath(), $"replicas-migration-network-{Environment.ProcessId}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    private static async Task<string> WorkflowFileAsync(SimulatorProcess sim)
    {
        var path = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "least-privilege.yaml");
        await File.WriteAllTextAsync(path, Workflow);
        return path;
    }
}
