using DrainOrchestrator.Engine.Migrate;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>
/// The engine's reaction (decision to VMIM created) that the scheduler leads by: nothing until a few starts, then their
/// median, so a cold first create does not set it; the newest starts only, so a busy spell passes.
/// </summary>
public sealed class ReactionLeadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_FewerThanTheMinimum_LeadsByNothing()
    {
        var lead = new ReactionLead();

        lead.Record(T0, T0.AddSeconds(5));
        lead.Record(T0, T0.AddSeconds(1));

        Assert.Equal(TimeSpan.Zero, lead.Current);
    }

    [Fact]
    public void Record_AColdFirstCreate_TakesTheMedian()
    {
        var lead = new ReactionLead();

        lead.Record(T0, T0.AddSeconds(5));
        lead.Record(T0, T0.AddMilliseconds(400));
        lead.Record(T0, T0.AddMilliseconds(600));

        Assert.Equal(TimeSpan.FromMilliseconds(600), lead.Current);
    }

    [Fact]
    public void Record_MoreThanTheWindow_ForgetsTheOldest()
    {
        var lead = new ReactionLead();
        for (var i = 0; i < ReactionLead.Window; i++)
        {
            lead.Record(T0, T0.AddSeconds(3));
        }

        for (var i = 0; i < (ReactionLead.Window / 2) + 1; i++)
        {
            lead.Record(T0, T0.AddMilliseconds(100));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), lead.Current);
    }

    [Fact]
    public void Record_ACreateStampedBeforeItsDecision_CountsAsNoDelay()
    {
        var lead = new ReactionLead();

        for (var i = 0; i < ReactionLead.MinimumSamples; i++)
        {
            lead.Record(T0, T0.AddSeconds(-1));
        }

        Assert.Equal(TimeSpan.Zero, lead.Current);
    }
}
