using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>List with label and field selectors, and limit/continue pagination (paged, all pages, streamed), against the simulator.</summary>
public sealed class ListSelectionAndPagingTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Theory]
    [InlineData("app=db", new[] { "vm-1", "vm-2" })]
    [InlineData("app!=db", new[] { "vm-3", "vm-4" })]
    [InlineData("app in (web,cache),kubevirt.io/nodeName=node-2", new[] { "vm-4" })]
    [InlineData("app,!missing", new[] { "vm-1", "vm-2", "vm-3", "vm-4" })]
    public async Task ListAsync_LabelSelector_ReturnsOnlyTheMatchingVmis(string selector, string[] expected)
    {
        using var client = host.CreateClient();

        var list = await client.ListAsync<VirtualMachineInstance>(SimulatorSeed.Tenant, new ListOptions { LabelSelector = selector }, TestTimeout.Token);

        Assert.Equal(expected, Names(list));
    }

    [Fact]
    public async Task ListAsync_FieldSelectorOnUnschedulable_ReturnsTheCordonedNodes()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;

        var cordoned = await client.ListAsync<Node>(null, new ListOptions { FieldSelector = "spec.unschedulable=true" }, token);
        var schedulableInRack1 = await client.ListAsync<Node>(null,
            new ListOptions { FieldSelector = "spec.unschedulable=false", LabelSelector = "rack=r1" }, token);

        Assert.Equal(["node-3"], Names(cordoned));
        Assert.Equal(["node-1", "node-2"], Names(schedulableInRack1));
    }

    [Fact]
    public async Task ListAsync_AllNamespacesWithNamespaceField_ReturnsOnlyThatNamespace()
    {
        using var client = host.CreateClient();

        var list = await client.ListAsync<Lease>(null, new ListOptions { FieldSelector = $"metadata.namespace={SimulatorSeed.Paging}" }, TestTimeout.Token);

        Assert.Equal(SimulatorSeed.PagedLeaseCount, list.Items.Count);
        Assert.All(list.Items, l => Assert.Equal(SimulatorSeed.Paging, l.Metadata.Namespace));
    }

    [Fact]
    public async Task ListAsync_FieldTheServerCannotSelect_FailsBadRequestWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.ListAsync<VirtualMachineInstance>(null, new ListOptions { FieldSelector = "status.nodeName=node-1" }, TestTimeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.Contains("status.nodeName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_LimitAndContinue_PagesThroughEveryItemOnceAtOneResourceVersion()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var names = new List<string>();
        var pages = new List<KubernetesList<Lease>>();
        string? next = null;

        do
        {
            var page = await client.ListAsync<Lease>(SimulatorSeed.Paging, new ListOptions { Limit = 3, Continue = next }, token);
            pages.Add(page);
            names.AddRange(Names(page));
            next = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(Enumerable.Range(0, SimulatorSeed.PagedLeaseCount).Select(i => $"lease-{i}"), names);
        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal([4L, 1L, null], pages.Select(p => p.Metadata.RemainingItemCount));
        Assert.Single(pages.Select(p => p.Metadata.ResourceVersion).Distinct());
    }

    [Fact]
    public async Task ListAllAsync_LabelSelectorAndSmallPages_FollowsContinueTokensToTheEnd()
    {
        using var client = host.CreateClient();

        var list = await client.ListAllAsync<Lease>(SimulatorSeed.Paging, new ListOptions { LabelSelector = "parity=even", Limit = 2 }, TestTimeout.Token);

        Assert.Equal(["lease-0", "lease-2", "lease-4", "lease-6"], Names(list));
        Assert.Null(list.Metadata.Continue);
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task StreamList_Limit_YieldsEveryItemOnceAcrossPages()
    {
        using var client = host.CreateClient();
        var stream = client.StreamList<Lease>(SimulatorSeed.Paging, new ListOptions { Limit = 2 });
        var names = new List<string>();

        await foreach (var lease in stream.WithCancellation(TestTimeout.Token))
        {
            names.Add(lease.Metadata.Name!);
        }

        Assert.Equal(Enumerable.Range(0, SimulatorSeed.PagedLeaseCount).Select(i => $"lease-{i}"), names);
        Assert.Equal(SimulatorSeed.PagedLeaseCount, stream.Count);
        Assert.Null(stream.Metadata.Continue);
        Assert.False(string.IsNullOrEmpty(stream.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task ListAsync_ContinueTokenOlderThanACompaction_FailsExpiredWithRelistVerdict()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var first = await client.ListAsync<Lease>(SimulatorSeed.Paging, new ListOptions { Limit = 2 }, token);
        await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "after-first-page", "drain-a"), token);
        await host.Admin.CompactAsync(token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.ListAsync<Lease>(SimulatorSeed.Paging, new ListOptions { Limit = 2, Continue = first.Metadata.Continue }, token));

        Assert.Equal(HttpStatusCode.Gone, ex.StatusCode);
        Assert.Equal(KubernetesReasons.Expired, ex.Reason);
        Assert.Equal(RetryVerdict.Relist, ex.Verdict);
        var fresh = await client.ListAllAsync<Lease>(SimulatorSeed.Paging, new ListOptions { Limit = 2 }, token);
        Assert.Equal(SimulatorSeed.PagedLeaseCount, fresh.Items.Count);
    }

    private static List<string> Names<T>(KubernetesList<T> list)
        where T : KubernetesObject => [.. list.Items.Select(i => i.Metadata.Name!).Order(StringComparer.Ordinal)];
}
