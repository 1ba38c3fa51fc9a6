namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// The test classes that share one simulator and one server. The tests of the collection run one at a time (drains of
/// several servers on the one simulator would share its limits without sharing a budget) and so do the collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

/// <summary>
/// The metrics tests, with a simulator and a server of their own that never had another server beside it in this
/// process: meters are process-wide, and the OpenTelemetry exporter of a server that outlived a second one in the
/// same process lost the second one's instruments of the same names and its own with them. One server per process
/// is how drainctl serve runs; the other collection starts and stops several.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<MetricsServerFixture>
{
    public const string Name = "metrics";
}

/// <summary>The metrics collection's own simulator and server.</summary>
public sealed class MetricsServerFixture : ServerFixture
{
}
