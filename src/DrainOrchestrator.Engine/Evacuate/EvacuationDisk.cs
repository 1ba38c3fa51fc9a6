namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>A disk of a VM to copy: its volume, the claim or DataVolume it reads, its size and storage class.</summary>
/// <param name="VolumeName">The volume's name in the VM template.</param>
/// <param name="ClaimName">The source DataVolume or PVC; the blank DataVolume in the target has this name too.</param>
/// <param name="Bytes">The size requested.</param>
/// <param name="StorageClass">The source's storage class; null for the default.</param>
public sealed record EvacuationDisk(string VolumeName, string ClaimName, long Bytes, string? StorageClass);
