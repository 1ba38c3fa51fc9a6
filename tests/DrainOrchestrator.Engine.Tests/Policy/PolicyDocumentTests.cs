using System.Text.Json;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Engine.Tests.Policy;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void WriteThenRead_EveryField_RoundTrips()
    {
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = 4,
            MaxOutboundPerNode = 1,
            MaxInboundPerNode = 3,
            WaveMode = WaveMode.Barrier,
            NonMigratableAction = NonMigratableAction.Skip,
            UncordonOnFailure = false,
            AllowAboveClusterLimits = true,
            Failure = new FailurePolicy { MaxAttempts = 7, InitialBackoff = TimeSpan.FromSeconds(1.5), MaxBackoff = TimeSpan.FromSeconds(90), PostCopyFallback = false },
        };

        var json = PolicyDocument.Write(policy);
        var back = PolicyDocument.Read(json);

        Assert.Contains("\"version\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"waveMode\":\"barrier\"", json, StringComparison.Ordinal);
        Assert.Equal(policy.MaxParallelMigrations, back.MaxParallelMigrations);
        Assert.Equal(policy.MaxInboundPerNode, back.MaxInboundPerNode);
        Assert.Equal(policy.WaveMode, back.WaveMode);
        Assert.Equal(policy.NonMigratableAction, back.NonMigratableAction);
        Assert.Equal(policy.UncordonOnFailure, back.UncordonOnFailure);
        Assert.Equal(policy.AllowAboveClusterLimits, back.AllowAboveClusterLimits);
        Assert.Equal(policy.Failure.MaxAttempts, back.Failure.MaxAttempts);
        Assert.Equal(policy.Failure.InitialBackoff, back.Failure.InitialBackoff);
        Assert.Equal(policy.Failure.MaxBackoff, back.Failure.MaxBackoff);
        Assert.Equal(policy.Failure.PostCopyFallback, back.Failure.PostCopyFallback);
    }

    [Fact]
    public void Parse_WrongKindsAndUnknownFields_ReportsEveryProblemAtOnce()
    {
        using var json = JsonDocument.Parse("""{"maxParallel":"five","waveMode":"sideways","retryBackoffSeconds":"NaN","noPostCopyFallback":1,"speed":3}""");

        PolicyDocument.Parse(json.RootElement, out var problems);

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Field == "MaxParallelMigrations" && p.Requirement.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "WaveMode" && p.Requirement.Contains("rolling or barrier", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "Failure.InitialBackoff");
        Assert.Contains(problems, p => p.Field == "Failure.PostCopyFallback");
        Assert.Contains(problems, p => p.Field == "speed" && p.Requirement.Contains("not a policy field", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BackoffAboveDefaultLongestWait_RaisesTheLongestWait()
    {
        using var json = JsonDocument.Parse("""{"retryBackoffSeconds":600}""");

        var policy = PolicyDocument.Parse(json.RootElement, out var problems);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromSeconds(600), policy.Failure.MaxBackoff);
    }

    [Fact]
    public void Read_UnversionedDocumentOfEarlierDrains_KeepsItsValues()
    {
        var policy = PolicyDocument.Read(
            """{"maxParallelMigrations":3,"maxOutboundPerNode":1,"waveMode":"Barrier","nonMigratable":"Skip","uncordonOnFailure":false,"maxAttempts":4,"initialBackoffSeconds":2,"maxBackoffSeconds":300,"postCopyFallback":false}""");

        Assert.Equal(3, policy.MaxParallelMigrations);
        Assert.Equal(WaveMode.Barrier, policy.WaveMode);
        Assert.Equal(NonMigratableAction.Skip, policy.NonMigratableAction);
        Assert.False(policy.UncordonOnFailure);
        Assert.Equal(4, policy.Failure.MaxAttempts);
        Assert.False(policy.Failure.PostCopyFallback);
    }

    [Fact]
    public void Option_FromWireName_IsKebabCase() =>
        Assert.Equal(["--max-parallel", "--retry-backoff-seconds", "--no-post-copy-fallback"],
            new[] { "maxParallel", "retryBackoffSeconds", "noPostCopyFallback" }.Select(w => PolicyFields.FindByWire(w)!.Option));
}
