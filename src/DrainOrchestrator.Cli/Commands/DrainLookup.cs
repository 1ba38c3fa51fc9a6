using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>Finds the drain a command names, or tells the operator there is none.</summary>
internal static class DrainLookup
{
    /// <summary>The drain with that name or id; null (after writing the error) when there is none.</summary>
    public static async Task<DrainRecord?> FindOrReportAsync(DrainDatabase opened, string nameOrId, TextWriter error,
        CancellationToken cancellationToken)
    {
        var record = await new DrainStore(opened.DataSource, TimeProvider.System).FindAsync(nameOrId, cancellationToken);
        if (record is null)
        {
            await error.WriteLineAsync($"error: there is no drain '{nameOrId}'");
        }

        return record;
    }
}
