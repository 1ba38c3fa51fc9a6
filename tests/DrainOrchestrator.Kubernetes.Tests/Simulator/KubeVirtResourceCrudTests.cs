using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>CRUD of the KubeVirt kinds (VM, VMI, VMIM, MigrationPolicy, KubeVirt) against the simulator.</summary>
public sealed class KubeVirtResourceCrudTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task VirtualMachine_CreateGetListUpdateDelete_RunStrategyChangeBumpsGeneration()
    {
        using var client = host.CreateClient();

        var updated = await CrudScenario.RunAsync(client, TestObjects.VirtualMachine(SimulatorSeed.Tenant, "crud-vm"),
            vm => vm.Spec!.RunStrategy = "Halted",
            vm => vm.Spec?.RunStrategy == "Halted" && vm.Spec.Template?.Spec?.Domain?.Memory?.Guest == Quantity.Parse("2Gi"),
            TestTimeout.Token);

        Assert.Equal(2, updated.Metadata.Generation);
    }

    [Fact]
    public async Task VirtualMachineInstance_CreateGetListUpdateDelete_StatusIsTheServersNotTheClients()
    {
        using var client = host.CreateClient();

        await CrudScenario.RunAsync(client, TestObjects.Vmi(SimulatorSeed.Tenant, "crud-vmi", "node-1"),
            vmi => vmi.Spec!.EvictionStrategy = "None",
            vmi => vmi.Spec?.EvictionStrategy == "None" && vmi.Status is null,
            TestTimeout.Token);
    }

    [Fact]
    public async Task VirtualMachineInstanceMigration_CreateGetListUpdateDelete_KeepsTheVmiName()
    {
        using var client = host.CreateClient();

        await CrudScenario.RunAsync(client, TestObjects.Migration(SimulatorSeed.Tenant, "crud-vmim", "vm-1"),
            vmim => vmim.Metadata.Labels!["attempt"] = "2",
            vmim => vmim.Metadata["attempt"] == "2" && vmim.Spec.VmiName == "vm-1",
            TestTimeout.Token);
    }

    [Fact]
    public async Task MigrationPolicy_CreateGetListUpdateDelete_ClusterScoped()
    {
        using var client = host.CreateClient();

        var updated = await CrudScenario.RunAsync(client, TestObjects.MigrationPolicy("crud-policy", "crud"),
            policy => policy.Spec.AllowPostCopy = false,
            policy => policy.Spec is { AllowPostCopy: false, Selectors.VirtualMachineInstanceSelector: { } selector } && selector["workload"] == "crud",
            TestTimeout.Token);

        Assert.Null(updated.Metadata.Namespace);
    }

    [Fact]
    public async Task KubeVirt_CreateGetListUpdateDelete_MigrationLimitsReachTheServer()
    {
        using var client = host.CreateClient();

        await CrudScenario.RunAsync(client, TestObjects.KubeVirt(SimulatorSeed.KubeVirtNamespace, "crud-kubevirt"),
            kv => kv.Spec.Configuration!.Migrations!.ParallelMigrationsPerCluster = 10,
            kv => kv.Spec.Configuration?.Migrations is { ParallelMigrationsPerCluster: 10, ParallelOutboundMigrationsPerNode: 2 },
            TestTimeout.Token);
    }

    [Fact]
    public async Task UpdateAsync_ObjectWithFieldsNoModelDeclares_SendsThemBack()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var vm = await client.GetAsync<VirtualMachine>(SimulatorSeed.Tenant, "vm-1", token);

        vm.Metadata.Labels = new() { ["touched"] = "yes" };
        await client.UpdateAsync(vm, token);
        var stored = await client.GetAsync<VirtualMachine>(SimulatorSeed.Tenant, "vm-1", token);

        Assert.Equal("yes", stored.Metadata["touched"]);
        Assert.True(stored.Spec!.AdditionalProperties!.TryGetValue(SimulatorSeed.UnmodelledField, out var templates));
        Assert.Equal("root-disk", templates[0].GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateOrAdoptAsync_ExistingMigration_AdoptsItInsteadOfFailing()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var first = await client.CreateOrAdoptAsync(TestObjects.Migration(SimulatorSeed.Tenant, "adopt-vmim", "vm-2"), token);

        var second = await client.CreateOrAdoptAsync(TestObjects.Migration(SimulatorSeed.Tenant, "adopt-vmim", "vm-2"), token);

        Assert.False(first.Adopted);
        Assert.True(second.Adopted);
        Assert.Equal(first.Object.Metadata.Uid, second.Object.Metadata.Uid);
        var listed = await client.ListAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant,
            new ListOptions { FieldSelector = "metadata.name=adopt-vmim" }, token);
        Assert.Single(listed.Items);
    }

    [Fact]
    public async Task CreateAsync_TakenName_FailsAlreadyExistsWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.CreateAsync(TestObjects.VirtualMachine(SimulatorSeed.Tenant, "vm-2"), TestTimeout.Token));

        Assert.True(ex.IsAlreadyExists);
        Assert.False(ex.IsConflict);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task GetAsync_SeededKubeVirt_ReadsTheClusterMigrationConfiguration()
    {
        using var client = host.CreateClient();

        var kubevirt = await client.GetAsync<KubeVirt>(SimulatorSeed.KubeVirtNamespace, "kubevirt", TestTimeout.Token);

        Assert.Equal(5, kubevirt.Spec.Configuration!.Migrations!.ParallelMigrationsPerCluster);
        Assert.Equal(2, kubevirt.Spec.Configuration.Migrations.ParallelOutboundMigrationsPerNode);
    }
}
