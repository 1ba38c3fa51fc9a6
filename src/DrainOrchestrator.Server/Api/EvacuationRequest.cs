namespace DrainOrchestrator.Server.Api;

/// <summary>
/// The body of <c>POST /api/v1/evacuations</c>: VMs of <see cref="SourceNamespace"/> moved by decentralized live migration
/// to <see cref="TargetNamespace"/> of the server's own cluster (a second cluster is for <c>drainctl evacuate</c> only).
/// </summary>
/// <param name="SourceNamespace">Where the VMs run.</param>
/// <param name="TargetNamespace">Where they go: another namespace of the server's cluster.</param>
/// <param name="Vms">The VMs by name; leave out when <see cref="Selector"/> is given.</param>
/// <param name="Selector">A label selector of the VMs (e.g. <c>app=web</c>); leave out when <see cref="Vms"/> are given.</param>
/// <param name="MaxAttempts">How many migrationIDs each VM gets before it is given up (default 3).</param>
/// <param name="KeepReceiversOnFailure">Keep a failed attempt's receiver VM and DataVolumes for inspection (default false).</param>
/// <param name="StorageClass">The storage class of the blank DataVolumes; leave out for each disk's own.</param>
public sealed record EvacuationRequest(string? SourceNamespace, string? TargetNamespace, IReadOnlyList<string>? Vms = null, string? Selector = null,
    int? MaxAttempts = null, bool? KeepReceiversOnFailure = null, string? StorageClass = null);
