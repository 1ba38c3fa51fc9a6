namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The kinds of object a <see cref="ClusterCache"/> holds.</summary>
public enum ClusterKind
{
    /// <summary>Nodes.</summary>
    Node,

    /// <summary>VirtualMachineInstances.</summary>
    Vmi,

    /// <summary>VirtualMachineInstanceMigrations.</summary>
    Migration,

    /// <summary>MigrationPolicies.</summary>
    Policy,

    /// <summary>Namespaces.</summary>
    Namespace,

    /// <summary>The KubeVirt CR.</summary>
    KubeVirt,

    /// <summary>VirtualMachines.</summary>
    VirtualMachine,

    /// <summary>PodDisruptionBudgets.</summary>
    PodDisruptionBudget,
}
