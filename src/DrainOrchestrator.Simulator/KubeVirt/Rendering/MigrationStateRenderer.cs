using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>A model migration state as kubevirt.io/v1 VirtualMachineInstanceMigrationState, field for field.</summary>
internal static class MigrationStateRenderer
{
    public static VirtualMachineInstanceMigrationState Render(VmiMigrationState state, RenderContext context) => new()
    {
        StartTimestamp = state.StartTimestamp,
        EndTimestamp = state.EndTimestamp,
        Completed = state.Completed,
        Failed = state.Failed,
        FailureReason = state.FailureReason,
        AbortRequested = state.AbortRequested ? true : null,
        AbortStatus = state.AbortStatus?.ToString(),
        MigrationUid = state.MigrationUid,
        SourceNode = state.SourceNode,
        SourcePod = state.SourcePod,
        TargetNode = state.TargetNode,
        TargetPod = state.TargetPod,
        TargetNodeAddress = state.TargetNodeAddress ?? context.NodeAddress(state.TargetNode),
        TargetNodeDomainDetected = state.StartTimestamp is null ? null : true,
        Mode = state.Mode?.ToString(),
        MigrationPolicyName = state.MigrationPolicyName,
        MigrationConfiguration = state.MigrationConfiguration is { } config ? WireConversions.Configuration(config) : null,
    };
}
