using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>Helpers to build scheduler states in tests.</summary>
internal static class SchedulerFixture
{
    public const string DrainId = "drain-test";

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SchedulerState State(ClusterSnapshot cluster, IReadOnlyCollection<string> drained, DrainPolicy? policy = null,
        IReadOnlyList<MigrationAttempt>? attempts = null, bool paused = false)
    {
        policy ??= new DrainPolicy();
        var plan = DrainPlanner.Plan(cluster, drained, policy);
        return new SchedulerState(DrainId, cluster, plan, attempts ?? [], policy, paused);
    }

    public static MigrationAttempt InFlight(StartMigration start, DateTimeOffset at) =>
        new(start.Vmi.Uid, start.Attempt, AttemptKind.Migration, start.Name, start.SourceNode, start.TargetNode,
            start.PostCopy, AttemptStatus.InFlight, at);

    public static MigrationAttempt Finish(MigrationAttempt attempt, DateTimeOffset at, FailureKind? failure = null) =>
        attempt with
        {
            Status = failure is null ? AttemptStatus.Succeeded : AttemptStatus.Failed,
            FinishedAt = at,
            Failure = failure,
        };

    /// <summary>Every output of a decision as text, for comparing two decisions.</summary>
    public static string Describe(SchedulerDecision decision) => string.Join("\n",
        decision.Actions.Select(a => a is StartMigration s ? $"start {s.Name} {s.SourceNode}->{s.TargetNode} wave {s.Wave} postcopy {s.PostCopy}" : a.ToString()))
        + $"\nwake {decision.WakeAt:O} remaining {decision.Remaining} moved {decision.Moved} in flight {decision.InFlight} cluster {decision.ClusterInFlight}"
        + $" given up {string.Join(",", decision.GivenUp.Select(g => g.Item.Vmi.Uid))} without target {string.Join(",", decision.WithoutTarget.Select(w => w.Vmi.Uid))}"
        + $" held back {string.Join(",", decision.HeldBack.Select(h => h.Vmi.Uid))} stuck {decision.IsStuck}";
}
