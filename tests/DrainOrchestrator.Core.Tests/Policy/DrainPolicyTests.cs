using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Policy;

public sealed class DrainPolicyTests
{
    private static readonly ClusterMigrationConfig Cluster = ClusterMigrationConfig.KubeVirtDefaults;

    [Fact]
    public void Validate_Defaults_Valid()
    {
        Assert.Empty(new DrainPolicy().Validate(Cluster));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOne()
    {
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = 0,
            MaxOutboundPerNode = 3,
            MaxInboundPerNode = -1,
            WaveMode = (WaveMode)7,
            Failure = new FailurePolicy { MaxAttempts = 0, InitialBackoff = TimeSpan.FromMinutes(10), BackoffMultiplier = 0.5 },
        };

        var problems = policy.Validate(Cluster).Select(p => p.ToString()).ToList();

        Assert.Contains("MaxParallelMigrations must be at least 1, was 0", problems);
        Assert.Contains(problems, p => p.StartsWith("MaxOutboundPerNode must not exceed the KubeVirt CR's parallelOutboundMigrationsPerNode (2), was 3", StringComparison.Ordinal));
        Assert.Contains("MaxInboundPerNode must be at least 1, was -1", problems);
        Assert.Contains(problems, p => p.StartsWith("WaveMode", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Failure.MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Failure.MaxBackoff", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Failure.BackoffMultiplier", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void Validate_AboveClusterLimitsWhenAllowed_Valid()
    {
        var policy = new DrainPolicy { MaxParallelMigrations = 20, AllowAboveClusterLimits = true };

        Assert.Empty(policy.Validate(Cluster));
    }

    [Fact]
    public void Validate_AboveClusterLimitsBeyondAnyCluster_RefusedNamingTheCeiling()
    {
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = int.MaxValue,
            MaxOutboundPerNode = int.MaxValue,
            MaxInboundPerNode = 1001,
            AllowAboveClusterLimits = true,
        };

        var problems = policy.Validate(Cluster).Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            $"MaxParallelMigrations must be at most 1000, was {int.MaxValue}",
            $"MaxOutboundPerNode must be at most 1000, was {int.MaxValue}",
            "MaxInboundPerNode must be at most 1000, was 1001",
        ], problems);
        Assert.Empty((policy with { MaxParallelMigrations = 1000, MaxOutboundPerNode = 1000, MaxInboundPerNode = 1000 }).Validate(Cluster));
    }

    [Fact]
    public void EnsureValid_Invalid_ThrowsWithAllProblemsInOneMessage()
    {
        var policy = new DrainPolicy { MaxParallelMigrations = 0, MaxOutboundPerNode = 0 };

        var error = Assert.Throws<ArgumentException>(() => policy.EnsureValid(Cluster));

        Assert.Contains("MaxParallelMigrations must be at least 1, was 0; MaxOutboundPerNode must be at least 1, was 0", error.Message, StringComparison.Ordinal);
    }
}
