using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Interop;

/// <summary>
/// Tells a refusal of the cluster (403, 422, a missing lease namespace: no retry of the same request can succeed) from
/// a transient failure (a retry may), and words the refusal with the fix an operator applies.
/// </summary>
public static class InteropRefusals
{
    /// <summary>
    /// The refusal <paramref name="error"/> is, or null when it is not one (retrying may succeed). Its fix ends by saying
    /// what the drain did: went on without the feature, or (<paramref name="required"/>, the policy's requireInterop)
    /// failed before any VM moved.
    /// </summary>
    public static InteropRefused? Classify(InteropFeature feature, string node, string leaseNamespace, KubernetesApiException error, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        var answer = $"{(int?)error.StatusCode} {error.Reason}: {error.Message}";
        var went = required ? "; requireInterop failed the drain before any VM moved" : null;
        return feature switch
        {
            InteropFeature.NodeConditions when error.IsForbidden => new(feature, node, "the API server refused PATCH nodes/" + node + "/status (" + answer + ")",
                "Grant the drain's identity patch on nodes/status (RBAC: apiGroups [\"\"], resources [\"nodes/status\"], verbs [\"patch\"])" + (went ?? "; the drain went on without the conditions")),
            InteropFeature.NodeConditions when error.IsInvalid => new(feature, node, "the API server refused the conditions DrainInProgress/Drained (" + answer + ")",
                "Enable the NodeLifecycleConditions feature gate (Kubernetes 1.37+) or drop the admission policy that refuses them" + (went ?? "; the drain went on without the conditions")),
            InteropFeature.MaintenanceLease when error.IsForbidden => new(feature, node,
                $"the API server refused the Lease node-{node} in namespace {leaseNamespace} ({answer})",
                $"Grant the drain's identity get, create, update and delete on leases (apiGroups [\"coordination.k8s.io\"]) in namespace {leaseNamespace}"
                    + (went ?? "; the drain went on without the lease, so node-maintenance-operator and NodeHealthCheck do not see it")),
            InteropFeature.MaintenanceLease when error.IsNotFound && error.Status?.Details?.Kind == "namespaces" => new(feature, node,
                $"the namespace {leaseNamespace} does not exist ({answer})",
                $"Create it (kubectl create namespace {leaseNamespace}; medik8s operators create it when installed) or pass --lease-namespace"
                    + (went ?? "; the drain went on without the lease")),
            _ => null,
        };
    }
}
