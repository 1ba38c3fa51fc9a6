using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Cli.Clock;

namespace DrainOrchestrator.Cli.FrontDoors;

internal sealed partial class EmbeddedFrontDoor
{
    /// <summary>The evacuation use cases in this process (they open the clusters they are given themselves).</summary>
    public EvacuationApplication Evacuations => new(database.DataSource, DrainctlClock.Current, loggerFactory);
}
