namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The operation an admission hook is asked about.</summary>
public enum AdmissionOperation
{
    /// <summary>An object is being created.</summary>
    Create,

    /// <summary>An object is being updated or patched (main resource or status).</summary>
    Update,

    /// <summary>An object is being deleted (or marked for deletion when it has finalizers).</summary>
    Delete,
}
