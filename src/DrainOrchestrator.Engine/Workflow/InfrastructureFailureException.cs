namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// The infrastructure, not the drain, failed in a way that waiting within this run cannot mend: the Kubernetes API
/// refused us (RBAC) or kept failing beyond <see cref="DrainEngineOptions.ApiOutageTimeout"/>, or PostgreSQL refused
/// writes (disk full, read-only). The run stops as interrupted; the drain is intact and the next run resumes it.
/// </summary>
internal sealed class InfrastructureFailureException : Exception
{
    public InfrastructureFailureException()
    {
    }

    public InfrastructureFailureException(string message)
        : base(message)
    {
    }

    public InfrastructureFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
