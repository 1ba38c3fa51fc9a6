namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A fault the model can inject, from the scenario or at runtime.</summary>
public abstract record FaultSpec;

/// <summary>The next <paramref name="Count"/> target pods (on <paramref name="Node"/>, or anywhere when null) fail to start.</summary>
public sealed record TargetPodStartFailureFault(string? Node, int Count) : FaultSpec;

/// <summary>The migration network of <paramref name="Node"/> is lost for <paramref name="Duration"/>.</summary>
public sealed record MigrationNetworkLossFault(string Node, TimeSpan Duration) : FaultSpec;

/// <summary><paramref name="Node"/> is NotReady for <paramref name="Duration"/> (its VMIs keep running).</summary>
public sealed record NodeNotReadyFault(string Node, TimeSpan Duration) : FaultSpec;

/// <summary>
/// <paramref name="Node"/> reboots (an upgrade when <paramref name="KubeletVersion"/> is set): NotReady for
/// <paramref name="Duration"/>, its guests are lost and restarted cold per their run strategy, then Ready again.
/// </summary>
public sealed record NodeRebootFault(string Node, TimeSpan Duration, string? KubeletVersion) : FaultSpec;

/// <summary>The VMI is deleted: now, or when <paramref name="WhileMigrating"/>, shortly after its next migration starts transferring.</summary>
public sealed record VmiDeletionFault(string Namespace, string Name, bool WhileMigrating) : FaultSpec;

/// <summary>The guest's memory dirty rate becomes <paramref name="BytesPerSecond"/> (running migrations feel it at once).</summary>
public sealed record DirtyRateChangeFault(string Namespace, string Name, double BytesPerSecond) : FaultSpec;

/// <summary>
/// KubeVirt's garbage collector runs now and keeps no finished VMIM (it normally keeps the last five per VMI): every
/// Succeeded or Failed VMIM is removed, as if it had aged out.
/// </summary>
public sealed record FinishedVmimCollectionFault : FaultSpec;
