using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Engine.Tests.Application;

/// <summary>What a request attached to an unfinished drain asked differently: the fields it names, none for the same policy.</summary>
public sealed class PolicyDifferencesTests
{
    [Fact]
    public void Of_TheSamePolicy_None() =>
        Assert.Empty(PolicyDifferences.Of(PolicyDocument.Write(new DrainPolicy()), PolicyDocument.Write(new DrainPolicy())));

    [Fact]
    public void Of_OtherLimitsAndAttempts_NamesEachField()
    {
        var asked = new DrainPolicy { MaxParallelMigrations = 3, Failure = new() { MaxAttempts = 5 } };

        var differ = PolicyDifferences.Of(PolicyDocument.Write(new DrainPolicy()), PolicyDocument.Write(asked));

        Assert.Equal(2, differ.Count);
        Assert.Contains(differ, f => f.Contains("arallel", StringComparison.Ordinal));
        Assert.Contains(differ, f => f.Contains("ttempts", StringComparison.Ordinal));
    }
}
