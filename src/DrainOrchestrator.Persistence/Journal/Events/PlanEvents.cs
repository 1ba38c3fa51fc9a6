using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>The drain's plan, recorded once with its waves.</summary>
/// <param name="Waves">Waves with at least one VM.</param>
/// <param name="Items">Planned VMs, whatever their disposition.</param>
/// <param name="Blockers">VMs that block the drain.</param>
/// <param name="PredictedMakespanSeconds">The predicted duration of the migrate step.</param>
/// <param name="Warnings">Unusable hints and what is assumed instead.</param>
[JournalEvent("plan.created", 1)]
public sealed record PlanCreated(int Waves, int Items, int Blockers, double PredictedMakespanSeconds, IReadOnlyList<string> Warnings)
    : JournalEvent;

/// <summary>One planned VM. Core's enums travel by name: Persistence does not see Core.</summary>
/// <param name="Uid">The VMI's uid.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Node">The node it was on.</param>
/// <param name="Disposition">Core's PlanDisposition: Migrate, Restart, Skip or Block.</param>
/// <param name="Wave">Its planned wave (0 for none).</param>
/// <param name="Reason">Why this disposition (Core's reason name).</param>
/// <param name="Detail">The reason in words, when there is more to say.</param>
/// <param name="PredictedSeconds">The predicted duration of its migration.</param>
/// <param name="PredictedMode">The predicted migration mode.</param>
[JournalEvent("plan.item", 1)]
public sealed record PlanItem(
    string Uid,
    string Namespace,
    string Name,
    string Node,
    [property: JsonPropertyName(PlanItem.DispositionField)] string Disposition,
    int Wave,
    string Reason,
    string? Detail,
    double PredictedSeconds,
    string PredictedMode) : JournalEvent
{
    /// <summary>The payload field of <see cref="Disposition"/>, for reads that select by it in the database.</summary>
    public const string DispositionField = "disposition";
}
