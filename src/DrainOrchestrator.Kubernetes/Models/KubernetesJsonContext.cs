using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// Source-generated System.Text.Json metadata for every wire model: camelCase names, null members left out, timestamps
/// as meta/v1 Time. Use <c>KubernetesJsonContext.Default.Node</c> and friends with <see cref="System.Text.Json.JsonSerializer"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeJsonConverter)])]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(VirtualMachine))]
[JsonSerializable(typeof(VirtualMachineInstance))]
[JsonSerializable(typeof(VirtualMachineInstanceMigration))]
[JsonSerializable(typeof(MigrationPolicy))]
[JsonSerializable(typeof(KubeVirt))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(NetworkAttachmentDefinition))]
[JsonSerializable(typeof(KubernetesList<NetworkAttachmentDefinition>))]
[JsonSerializable(typeof(PodDisruptionBudget))]
[JsonSerializable(typeof(KubernetesList<Node>))]
[JsonSerializable(typeof(KubernetesList<Namespace>))]
[JsonSerializable(typeof(KubernetesList<Pod>))]
[JsonSerializable(typeof(KubernetesList<VirtualMachine>))]
[JsonSerializable(typeof(KubernetesList<VirtualMachineInstance>))]
[JsonSerializable(typeof(KubernetesList<VirtualMachineInstanceMigration>))]
[JsonSerializable(typeof(KubernetesList<MigrationPolicy>))]
[JsonSerializable(typeof(KubernetesList<KubeVirt>))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(KubernetesList<PodDisruptionBudget>))]
[JsonSerializable(typeof(WatchEvent<Status>))]
[JsonSerializable(typeof(WatchEvent<Node>))]
[JsonSerializable(typeof(WatchEvent<Namespace>))]
[JsonSerializable(typeof(WatchEvent<Pod>))]
[JsonSerializable(typeof(WatchEvent<VirtualMachine>))]
[JsonSerializable(typeof(WatchEvent<VirtualMachineInstance>))]
[JsonSerializable(typeof(WatchEvent<VirtualMachineInstanceMigration>))]
[JsonSerializable(typeof(WatchEvent<MigrationPolicy>))]
[JsonSerializable(typeof(WatchEvent<KubeVirt>))]
[JsonSerializable(typeof(WatchEvent<Lease>))]
[JsonSerializable(typeof(WatchEvent<PodDisruptionBudget>))]
[JsonSerializable(typeof(DataVolume))]
[JsonSerializable(typeof(KubernetesList<DataVolume>))]
[JsonSerializable(typeof(WatchEvent<DataVolume>))]
[JsonSerializable(typeof(PersistentVolumeClaim))]
[JsonSerializable(typeof(KubernetesList<PersistentVolumeClaim>))]
[JsonSerializable(typeof(StorageClass))]
[JsonSerializable(typeof(KubernetesList<StorageClass>))]
[JsonSerializable(typeof(Quantity))]
[JsonSerializable(typeof(DeleteOptions))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext
{
}
