using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>CRUD of the core and coordination kinds (Node, Namespace, Lease) and reads of Pods, against the simulator.</summary>
public sealed class CoreResourceCrudTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task Node_CreateGetListUpdateDelete_CordonReachesTheServer()
    {
        using var client = host.CreateClient();

        await CrudScenario.RunAsync(client, TestObjects.Node("crud-node", "r9"),
            node => node.Spec = new NodeSpec { Unschedulable = true },
            node => node.Spec?.Unschedulable == true && node.Metadata["rack"] == "r9",
            TestTimeout.Token);
    }

    [Fact]
    public async Task Namespace_CreateGetListUpdateDelete_LabelReachesTheServer()
    {
        using var client = host.CreateClient();

        await CrudScenario.RunAsync(client, TestObjects.Namespace("crud-namespace"),
            ns => ns.Metadata.Labels!["team"] = "platform",
            ns => ns.Metadata["team"] == "platform",
            TestTimeout.Token);
    }

    [Fact]
    public async Task Lease_CreateGetListUpdateDelete_RenewTimeKeepsMicroseconds()
    {
        using var client = host.CreateClient();
        var renewed = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_560);

        await CrudScenario.RunAsync(client, TestObjects.Lease(SimulatorSeed.Tenant, "crud-lease", "drain-a"),
            lease =>
            {
                lease.Spec!.HolderIdentity = "drain-b";
                lease.Spec.RenewTime = renewed;
                lease.Spec.LeaseTransitions = 1;
            },
            lease => lease.Spec is { HolderIdentity: "drain-b", LeaseTransitions: 1 } && lease.Spec.RenewTime == renewed,
            TestTimeout.Token);
    }

    [Fact]
    public async Task Pod_GetAndListByNodeField_ReadsTheLauncherPodsTheModelDescribes()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;

        var pod = await client.GetAsync<Pod>(SimulatorSeed.Tenant, "virt-launcher-vm-1", token);
        var onNode1 = await client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "spec.nodeName=node-1" }, token);

        Assert.Equal("node-1", pod.Spec!.NodeName);
        Assert.Equal("Running", pod.Status!.Phase);
        Assert.Equal("compute", Assert.Single(pod.Spec.Containers!).Name);
        Assert.Equal(["virt-launcher-vm-1", "virt-launcher-vm-3"], onNode1.Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.All(onNode1.Items, p => Assert.Equal("node-1", p.Spec!.NodeName));
    }

    [Fact]
    public async Task GetAsync_MissingObject_FailsNotFoundWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<Node>(null, "no-such-node", TestTimeout.Token));

        Assert.True(ex.IsNotFound);
        Assert.Equal(KubernetesReasons.NotFound, ex.Reason);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task CreateAsync_LeaseInMissingNamespace_FailsNotFoundWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.CreateAsync(TestObjects.Lease("no-such-namespace", "orphan", "drain-a"), TestTimeout.Token));

        Assert.True(ex.IsNotFound);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }
}
