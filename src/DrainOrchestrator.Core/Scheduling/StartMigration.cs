using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Create the VMIM <see cref="SchedulerAction.Name"/> for the VMI with
/// <c>addedNodeSelector: {kubernetes.io/hostname: TargetNode}</c>.
/// </summary>
/// <param name="Vmi">The VMI to migrate.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="Name">The VMIM name.</param>
/// <param name="Wave">The planned wave.</param>
/// <param name="SourceNode">The node it leaves.</param>
/// <param name="TargetNode">The pinned target.</param>
/// <param name="PostCopy">Ensure the orchestrator's post-copy MigrationPolicy selects the VMI first.</param>
public sealed record StartMigration(
    VmiSnapshot Vmi, int Attempt, string Name, int Wave, string SourceNode, string TargetNode, bool PostCopy)
    : SchedulerAction(Vmi, Attempt, Name, Wave)
{
    /// <summary>The application budgets the VMI is a member of: the engine reserves its slot in each, durably.</summary>
    public IReadOnlyList<ApplicationBudget> Budgets { get; init; } = [];

    /// <summary>
    /// For a post-copy attempt, the predicted time to send the guest's memory once, which the orchestrator's post-copy
    /// policy switches right after (<see cref="Migrations.PostCopyPolicyDesigner.Design"/>); null when unknown.
    /// </summary>
    public TimeSpan? PostCopyFirstPass { get; init; }

    /// <summary>The node label the target is pinned with.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";
}
