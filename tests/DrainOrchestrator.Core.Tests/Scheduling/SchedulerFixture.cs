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
}
