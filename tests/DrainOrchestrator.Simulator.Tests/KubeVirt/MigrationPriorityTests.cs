using System.Net;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>A VMIM's spec.priority is virt-controller's alone, as KubeVirt's create webhook rules.</summary>
public sealed class MigrationPriorityTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    private const string Rbac = "/apis/rbac.authorization.k8s.io/v1";

    [Fact]
    public async Task CreateVmimWithPriority_AsTheAdmin_Is422NamingVirtController()
    {
        using var admin = fixture.CreateClient();

        var (code, status) = await admin.SendJsonAsync(HttpMethod.Post, MigrationApi.Vmims, Prioritised("admin-critical", "solo-1", "system-critical"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        var message = status["message"]!.GetValue<string>();
        Assert.StartsWith("admission webhook \"migration-create-validator.kubevirt.io\" denied the request: spec.priority can only be set by "
            + "system:serviceaccount:kubevirt:kubevirt-controller", message, StringComparison.Ordinal);
        Assert.Contains("kubernetes-admin", message, StringComparison.Ordinal);
        Assert.Equal("spec.priority", status["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Null(await admin.GetVmimAsync("admin-critical"));
    }

    [Fact]
    public async Task CreateVmimWithPriority_AsVirtController_IsAdmittedAndAnUnknownValueIsNot()
    {
        using var admin = fixture.CreateClient();
        await admin.SendJsonAsync(HttpMethod.Post, $"{Rbac}/clusterroles", RbacObjects.ClusterRole("vmim-creator",
            RbacObjects.Rule(["create", "get"], "kubevirt.io", "virtualmachineinstancemigrations")));
        await admin.SendJsonAsync(HttpMethod.Post, $"{Rbac}/clusterrolebindings",
            RbacObjects.Binding("vmim-creator", "vmim-creator", "kubevirt", "kubevirt-controller"));
        using var controller = fixture.CreateClient(fixture.Server.ServiceAccountToken("kubevirt", "kubevirt-controller"));

        var (admitted, created) = await controller.SendJsonAsync(HttpMethod.Post, MigrationApi.Vmims, Prioritised("controller-critical", "solo-2", "system-critical"));
        var (refused, status) = await controller.SendJsonAsync(HttpMethod.Post, MigrationApi.Vmims, Prioritised("controller-urgent", "solo-3", "urgent"));

        Assert.True(admitted == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal("system-critical", created["spec"]!["priority"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("Unsupported value: \"urgent\": supported values: \"system-critical\", \"user-triggered\", \"system-maintenance\"",
            status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject Prioritised(string name, string vmi, string priority)
    {
        var vmim = TestObjects.Vmim(name, vmi);
        vmim["spec"]!["priority"] = priority;
        return vmim;
    }
}
