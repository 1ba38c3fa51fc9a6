using System.Net;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>drain-sim's RBAC denial as our client sees it: the message names the missing permission, and no retry is made.</summary>
public sealed class RbacForbiddenTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task ListAsync_WithoutPermission_FailsPermanentlyNamingTheVerbAndResource()
    {
        using var client = host.CreateServiceAccountClient("rbac-client", "unbound");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.ListAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, null, TestTimeout.Token));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.True(error.IsForbidden);
        Assert.Equal(RetryVerdict.Permanent, error.Verdict);
        Assert.Contains(
            "User \"system:serviceaccount:rbac-client:unbound\" cannot list resource \"virtualmachineinstancemigrations\" in API group \"kubevirt.io\" in the namespace \"tenant-a\"",
            error.Message, StringComparison.Ordinal);
    }
}
