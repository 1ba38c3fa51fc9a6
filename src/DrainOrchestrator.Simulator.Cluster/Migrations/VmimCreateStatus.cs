namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The outcome of creating a VMIM.</summary>
public enum VmimCreateStatus
{
    /// <summary>Admitted: the VMIM exists in phase Pending.</summary>
    Accepted,

    /// <summary>KubeVirt's admission webhook denied it (the server answers 422 with the message).</summary>
    Rejected,

    /// <summary>A VMIM with that namespace and name exists (the server answers 409).</summary>
    AlreadyExists,
}
