using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>The target start-up: the policy's wins, else what migrations showed (a high percentile of a few), else 10 s.</summary>
public sealed class TargetStartupTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Of_FewerThanMinimum_Null()
    {
        Assert.Null(TargetStartups.Of([S(4), S(5)]));
    }

    [Fact]
    public void Of_TenSamples_NinetiethPercentileNotTheOutlier()
    {
        TimeSpan[] observed = [S(30), S(4), S(5), S(4), S(6), S(5), S(4), S(7), S(5), S(4)];

        // Nearest rank: the 9th of 10 in order, so one slow image pull does not set it alone.
        Assert.Equal(S(7), TargetStartups.Of(observed));
    }

    [Fact]
    public void Of_ThreeSamples_TheLongest()
    {
        Assert.Equal(S(6), TargetStartups.Of([S(4), S(6), S(5)]));
    }

    [Fact]
    public void Choose_PolicySetsIt_PolicyWinsOverLearned()
    {
        var policy = new DrainPolicy { CostModel = new CostModelOptions { TargetStartup = S(10) } };

        var (chosen, source) = TargetStartups.Choose(policy, S(3));

        Assert.Equal(StartupSource.Policy, source);
        Assert.Equal(S(10), chosen.CostModel.TargetStartup);
    }

    [Fact]
    public void Choose_Unset_LearnedElseDefault()
    {
        var (learned, fromObserved) = TargetStartups.Choose(new DrainPolicy(), S(3));
        var (assumed, fromDefault) = TargetStartups.Choose(new DrainPolicy(), null);

        Assert.Equal((S(3), StartupSource.Observed), (learned.CostModel.TargetStartup, fromObserved));
        Assert.Equal((CostModelOptions.DefaultTargetStartup, StartupSource.Default), (assumed.CostModel.TargetStartup, fromDefault));
        Assert.False(new CostModelOptions().TargetStartupIsSet);
    }

    [Fact]
    public void Plan_HistoryShowsShortStartup_EveryEstimateShorterAndThePlanSaysObserved()
    {
        var cluster = Make.Cluster([Make.Node("n1"), Make.Node("n2"), Make.Node("n3")], [Make.Vmi("a", "n1"), Make.Vmi("b", "n1")]);
        var history = MigrationHistory.Empty.WithTargetStartup(S(3));

        var assumed = DrainPlanner.Plan(cluster, ["n1"], new DrainPolicy());
        var learned = DrainPlanner.Plan(cluster, ["n1"], new DrainPolicy(), history);

        Assert.Equal((S(10), StartupSource.Default), (assumed.TargetStartup, assumed.TargetStartupSource));
        Assert.Equal((S(3), StartupSource.Observed), (learned.TargetStartup, learned.TargetStartupSource));
        foreach (var (before, after) in assumed.Items.Zip(learned.Items))
        {
            Assert.Equal(before.Estimate.Duration - S(7), after.Estimate.Duration);
        }
    }

    [Fact]
    public void Plan_PolicySetsStartup_HistoryIgnored()
    {
        var cluster = Make.Cluster([Make.Node("n1"), Make.Node("n2")], [Make.Vmi("a", "n1")]);
        var policy = new DrainPolicy { CostModel = new CostModelOptions { TargetStartup = S(20) } };

        var plan = DrainPlanner.Plan(cluster, ["n1"], policy, MigrationHistory.Empty.WithTargetStartup(S(3)));

        Assert.Equal((S(20), StartupSource.Policy), (plan.TargetStartup, plan.TargetStartupSource));
    }
}
