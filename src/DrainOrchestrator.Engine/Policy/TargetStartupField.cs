using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// <c>targetStartupSeconds</c>: the operator's target start-up (<see cref="CostModelOptions.TargetStartup"/>). Unset, a
/// drain learns it from observed migrations (docs/learned-inputs.md); so the field is written only when set, and a
/// stored document read back leaves it unset.
/// </summary>
internal static class TargetStartupField
{
    public static PolicyField Field { get; } = new("CostModel.TargetStartup", "targetStartupSeconds", PolicyValueKind.Seconds, [],
        "Time from a migration's creation to its transfer's start (target pod scheduled and started, target prepared, hand-off), "
        + "as the cost model and the scheduler assume it. Unset, the drain learns it from observed migrations (until then 10).",
        p => p.CostModel.TargetStartupIsSet ? JsonValue.Create(p.CostModel.TargetStartup.TotalSeconds) : null,
        (p, e) => e.ValueKind switch
        {
            JsonValueKind.Null => (p, null),
            JsonValueKind.Number when e.TryGetDouble(out var v) && double.IsFinite(v) && Math.Abs(v) <= TimeSpan.MaxValue.TotalSeconds / 2
                => (p with { CostModel = p.CostModel with { TargetStartup = TimeSpan.FromSeconds(v) } }, null),
            _ => (p, $"must be a finite number of seconds, was {(e.ValueKind == JsonValueKind.String ? $"'{e.GetString()}'" : e.GetRawText())}"),
        });
}
