namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The <c>blank: {}</c> source of a DataVolume: no fields, its presence is the meaning.</summary>
public sealed class DataVolumeBlankSource : WireModel
{
}
