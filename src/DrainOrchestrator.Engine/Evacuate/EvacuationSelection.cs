namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>Which VMs move, from where to where: named VMs or a label selector (one of them) in the source namespace.</summary>
public sealed record EvacuationSelection(string SourceNamespace, string TargetNamespace, IReadOnlyList<string> VmNames, string? Selector);
