namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// A PodDisruptionBudget (policy/v1): at most so many of the pods its selector matches disrupted at once. The
/// orchestrator reads the ones covering virt-launcher pods as application budgets (docs/budgets.md). Its status is
/// not modelled: it stays in <see cref="WireModel.AdditionalProperties"/> for the round trip.
/// </summary>
public sealed class PodDisruptionBudget : KubernetesObject, IKubernetesResource<PodDisruptionBudget>
{
    /// <summary>Creates an empty PodDisruptionBudget stamped with its apiVersion and kind.</summary>
    public PodDisruptionBudget()
        : base(KubernetesResources.PodDisruptionBudget.ApiVersion, KubernetesResources.PodDisruptionBudget.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.PodDisruptionBudget;

    /// <summary>The selector and the limit.</summary>
    public PodDisruptionBudgetSpec Spec { get; set; } = new();
}
