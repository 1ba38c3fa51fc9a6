using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Seeding;

/// <summary>
/// The step that fills the store before the server listens. It may also register admission hooks and observers on
/// the store; a cluster model plugs in here.
/// </summary>
public interface ISeeder
{
    /// <summary>Fills the store.</summary>
    Task SeedAsync(ObjectStore store, CancellationToken cancellationToken);
}
