using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Journal;

/// <summary>Drains recorded for store tests.</summary>
internal static class DrainFixtures
{
    public static async Task<DrainRecord> CreateAsync(NpgsqlDataSource dataSource, TimeProvider clock, params string[] nodes)
    {
        var id = Guid.NewGuid();
        var cluster = "c-" + id.ToString("N")[..8];
        return await new DrainStore(dataSource, clock).CreateAsync(
            new NewDrain(id, $"drain-{id:N}"[..20], cluster, nodes.Length == 0 ? ["worker-1"] : nodes, "{}", "test"),
            CancellationToken.None);
    }
}
