namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The fault kinds run one after another, never two at once: each run already puts a simulator, one or two engines and
/// PostgreSQL to work, and its faults land at random moments that a second campaign's load would only blur.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection
{
    public const string Name = "chaos";
}
