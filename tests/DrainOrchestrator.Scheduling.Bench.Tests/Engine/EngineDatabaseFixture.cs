using DrainOrchestrator.Scheduling.Bench.Engine;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Engine;

/// <summary>One private PostgreSQL (template migrated once) for the tests that run the production engine.</summary>
public sealed class EngineDatabaseFixture : IAsyncLifetime
{
    internal EngineDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await EngineDatabase.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The test classes that share <see cref="EngineDatabaseFixture"/>, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EngineDatabaseCollection : ICollectionFixture<EngineDatabaseFixture>
{
    public const string Name = "engine database";
}
