using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Learning;

/// <summary>
/// The target start-up a drain learns: from its own attempts (VMIM created to transfer started), from earlier ones
/// recorded in PostgreSQL, and never over the operator's setting; the plan and the scheduler's policy follow it.
/// </summary>
public sealed class StartupLearningTests
{
    private const long GiB = 1024L * 1024 * 1024;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);
    private static readonly ClusterState NoCluster = new([], [], [], [], [], null);

    private static VmiSnapshot Vmi(string name) =>
        new("ns", name, "uid-" + name, "n1", new Dictionary<string, string> { ["app"] = name }, Empty,
            4 * GiB, Empty, [], [], true, null, EvictionStrategy.LiveMigrate, RunStrategy.Always, null);

    private static NodeSnapshot Node(string name) => new(name, Empty, [], false, true, 512 * GiB, 0, null, "v1.33.0");

    private static readonly ClusterSnapshot Snapshot = new([Node("n1"), Node("r1"), Node("r2")],
        [Vmi("a"), Vmi("b"), Vmi("c"), Vmi("d"), Vmi("e")], ClusterMigrationConfig.KubeVirtDefaults, [], []);

    // An attempt of VMI `name` created at `created` whose transfer began `startup` seconds later and still runs.
    private static AttemptRecord Running(string name, double created, double startup) => new(0, Guid.Empty, 1, 1, "ns", name, "uid-" + name,
        "n1", "r1", "vmim-" + name, "vmim-uid-" + name, "PreCopy", AttemptOutcome.Running, null, null, null, null, "[]", false,
        T0.AddSeconds(created), T0.AddSeconds(created), T0.AddSeconds(created + startup), null);

    private static DrainLearner Learner(DrainPlan plan, DrainPolicy policy) =>
        new(plan, policy, MigrationHistory.Empty, NullLogger.Instance, "d", enabled: true);

    [Fact]
    public void Apply_ThreeAttemptsStartedAfter4s_PlanAndSchedulerPolicyAssumeIt()
    {
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(Snapshot, ["n1"], policy);
        var learner = Learner(plan, policy);

        var (_, revised, _) = learner.Apply(NoCluster, Snapshot, [Running("a", 0, 4), Running("b", 0, 3.5), Running("c", 1, 4)]);

        Assert.Equal((TimeSpan.FromSeconds(10), StartupSource.Default), (plan.TargetStartup, plan.TargetStartupSource));
        Assert.Equal((TimeSpan.FromSeconds(4), StartupSource.Observed), (revised.TargetStartup, revised.TargetStartupSource));
        Assert.Equal(TimeSpan.FromSeconds(4), learner.Policy.CostModel.TargetStartup);
        var before = plan.Items.Single(i => i.Vmi.Name == "e").Estimate.Duration;
        Assert.Equal(before - TimeSpan.FromSeconds(6), revised.Items.Single(i => i.Vmi.Name == "e").Estimate.Duration);
    }

    [Fact]
    public void Apply_TwoAttemptsOnly_KeepsTheDefault()
    {
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(Snapshot, ["n1"], policy);
        var learner = Learner(plan, policy);

        var (_, revised, _) = learner.Apply(NoCluster, Snapshot, [Running("a", 0, 4), Running("b", 0, 4)]);

        Assert.Equal(StartupSource.Default, revised.TargetStartupSource);
        Assert.Same(policy, learner.Policy);
    }

    [Fact]
    public void Apply_OperatorSetStartup_NeverOverridden()
    {
        var policy = new DrainPolicy { CostModel = new CostModelOptions { TargetStartup = TimeSpan.FromSeconds(7) } };
        var plan = DrainPlanner.Plan(Snapshot, ["n1"], policy);
        var learner = Learner(plan, policy);

        var (_, revised, _) = learner.Apply(NoCluster, Snapshot, [Running("a", 0, 2), Running("b", 0, 2), Running("c", 0, 2)]);

        Assert.Equal((TimeSpan.FromSeconds(7), StartupSource.Policy), (revised.TargetStartup, revised.TargetStartupSource));
        Assert.Equal(TimeSpan.FromSeconds(7), learner.Policy.CostModel.TargetStartup);
    }

    [Fact]
    public void Apply_HistoryStartupInThePlan_SchedulerPolicyUsesItBeforeAnyAttempt()
    {
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(Snapshot, ["n1"], policy, MigrationHistory.Empty.WithTargetStartup(TimeSpan.FromSeconds(5)));
        var learner = Learner(plan, policy);

        learner.Apply(NoCluster, Snapshot, []);

        Assert.Equal(TimeSpan.FromSeconds(5), learner.Policy.CostModel.TargetStartup);
    }

    [Fact]
    public void HistoryStartups_RecordedCreation_NinetiethPercentileOfTheNewest()
    {
        var transfers = Enumerable.Range(0, 10)
            .Select(i => new FinishedTransfer("uid-" + i, "n1", T0.AddSeconds(100 * i + (i == 9 ? 40 : 6)), T0.AddSeconds((100 * i) + 60), null, false)
            {
                CreatedAt = T0.AddSeconds(100 * i),
            })
            .Append(new FinishedTransfer("old", "n1", T0, T0.AddSeconds(5), null, false))
            .ToList();

        Assert.Equal(TimeSpan.FromSeconds(6), HistoryStartups.Of(transfers, NullLogger.Instance));
        Assert.Null(HistoryStartups.Of(transfers.Take(2).ToList(), NullLogger.Instance));
    }

    [Fact]
    public void PolicyDocument_StartupUnset_NotWritten_SetOneRoundTrips()
    {
        var unset = PolicyDocument.Write(new DrainPolicy());
        var set = PolicyDocument.Write(new DrainPolicy { CostModel = new CostModelOptions { TargetStartup = TimeSpan.FromSeconds(7) } });

        Assert.DoesNotContain("targetStartupSeconds", unset, StringComparison.Ordinal);
        Assert.False(PolicyDocument.Read(unset).CostModel.TargetStartupIsSet);
        var back = PolicyDocument.Read(set).CostModel;
        Assert.True(back.TargetStartupIsSet);
        Assert.Equal(TimeSpan.FromSeconds(7), back.TargetStartup);
    }
}
