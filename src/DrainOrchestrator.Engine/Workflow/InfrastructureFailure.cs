using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Which errors end a run as interrupted (resumable) rather than failing the drain: those of the infrastructure, which
/// say nothing about the drain. The Kubernetes API failing or refusing a call (cordon, create, RBAC) after its own
/// retries, and a PostgreSQL server that cannot take writes. Every step is journaled, so the next run resumes.
/// </summary>
internal static class InfrastructureFailure
{
    private const string Resume = "The drain is intact: every step is journaled and no VM was charged an attempt for it. "
        + "Run the same command again to resume it once the cause is fixed.";

    /// <summary>The reason to stop the run with, or null when <paramref name="exception"/> is not the infrastructure's.</summary>
    public static string? Explain(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            InfrastructureFailureException stopped => stopped.Message,
            KubernetesApiException api => $"the Kubernetes API failed: {api.Message} ({Advice(api)}). {Resume}",
            _ when DatabaseErrors.IsServerUnfit(exception) =>
                $"PostgreSQL cannot take writes: {DatabaseErrors.Describe(exception)} (free disk space, or make the server writable). {Resume}",
            _ => null,
        };
    }

    private static string Advice(KubernetesApiException api) => api.StatusCode switch
    {
        System.Net.HttpStatusCode.Unauthorized => "the credentials were refused: renew them in the kubeconfig",
        System.Net.HttpStatusCode.Forbidden => "the drain's identity lacks a permission: grant it (see deploy/ RBAC)",
        _ when api.IsRetryable => "the API server kept failing after the client's retries; a later run can succeed",
        _ => "the API server refused the request",
    };
}
