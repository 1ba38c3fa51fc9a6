using DrainOrchestrator.Server.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Server.Tests.Jobs;

/// <summary>
/// The workflow supervisor leaves a pending instance to the job its firing enqueued for a grace counted on the process's
/// own clock from the moment it first saw the instance pending, however fast the engine's clock runs.
/// </summary>
public sealed class PendingSightingsTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Fact]
    public void Recent_WithinTheGraceOfTheFirstSighting_UntilItPasses()
    {
        var wall = new FakeTimeProvider();
        var sightings = new PendingSightings(Grace, wall);
        var id = Guid.NewGuid();

        var first = sightings.Recent(id);
        wall.Advance(TimeSpan.FromSeconds(9.9));
        var before = sightings.Recent(id);
        wall.Advance(TimeSpan.FromSeconds(0.1));
        var after = sightings.Recent(id);

        Assert.Equal((true, true, false), (first, before, after));
    }

    [Fact]
    public void Recent_AnInstanceNoLongerPendingThenPendingAgain_CountsFromItsNewSighting()
    {
        var wall = new FakeTimeProvider();
        var sightings = new PendingSightings(Grace, wall);
        var (id, other) = (Guid.NewGuid(), Guid.NewGuid());
        sightings.Recent(id);
        sightings.Recent(other);
        wall.Advance(TimeSpan.FromSeconds(30));

        sightings.KeepOnly([other]);

        Assert.True(sightings.Recent(id));
        Assert.False(sightings.Recent(other));
    }
}
