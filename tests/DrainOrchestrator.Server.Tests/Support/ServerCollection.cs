namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>The test classes that share one simulator and one server.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
