namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>The dashboard's browser tests share one server, one drain-sim and one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
