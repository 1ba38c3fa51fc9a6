namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Label maps a VMI and its namespace must match exactly (migrations.kubevirt.io/v1alpha1 Selectors).</summary>
public sealed class MigrationPolicySelectors : WireModel
{
    /// <summary>Labels of the VMI's namespace.</summary>
    public Dictionary<string, string>? NamespaceSelector { get; set; }

    /// <summary>Labels of the VMI.</summary>
    public Dictionary<string, string>? VirtualMachineInstanceSelector { get; set; }
}
