namespace DrainOrchestrator.Core.Budgets;

/// <summary>Where an application budget comes from.</summary>
public enum BudgetSource
{
    /// <summary>The drain policy's <c>budgets</c>.</summary>
    Policy,

    /// <summary>The <c>drain-orchestrator.io/budget</c> annotation of VMIs (see <see cref="BudgetAnnotation"/>).</summary>
    Annotation,

    /// <summary>A PodDisruptionBudget (policy/v1) covering the VMIs' virt-launcher pods.</summary>
    PodDisruptionBudget,
}
