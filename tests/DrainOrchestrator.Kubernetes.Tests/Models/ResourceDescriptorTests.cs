using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class ResourceDescriptorTests
{
    [Fact]
    public void GetCollectionPath_CoreClusterScoped_UsesApiRoot()
        => Assert.Equal("/api/v1/nodes", Node.Resource.GetCollectionPath());

    [Fact]
    public void GetObjectPath_GroupedNamespaced_UsesApisRootAndNamespace()
        => Assert.Equal("/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachineinstancemigrations/m-1",
            VirtualMachineInstanceMigration.Resource.GetObjectPath("tenant-a", "m-1"));

    [Fact]
    public void GetCollectionPath_NamespacedWithoutNamespace_ListsAllNamespaces()
        => Assert.Equal("/apis/kubevirt.io/v1/virtualmachineinstances", VirtualMachineInstance.Resource.GetCollectionPath());

    [Fact]
    public void GetObjectPath_NamespacedWithoutNamespace_Throws()
        => Assert.Throws<ArgumentException>(() => Lease.Resource.GetObjectPath(null, "l"));

    [Fact]
    public void GetCollectionPath_ClusterScopedWithNamespace_Throws()
        => Assert.Throws<ArgumentException>(() => MigrationPolicy.Resource.GetCollectionPath("ns"));

    [Fact]
    public void NewObject_StampsApiVersionAndKindFromDescriptor()
    {
        Assert.Equal("migrations.kubevirt.io/v1alpha1", new MigrationPolicy().ApiVersion);
        Assert.Equal("MigrationPolicy", new MigrationPolicy().Kind);
        Assert.Equal("coordination.k8s.io/v1", new Lease().ApiVersion);
        Assert.Equal("v1", new Pod().ApiVersion);
        Assert.Equal("KubeVirtList", KubeVirt.Resource.ListKind);
    }
}
