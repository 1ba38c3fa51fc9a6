namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>Compares the files with the database's history and decides what is left to apply.</summary>
public static class MigrationPlan
{
    /// <summary>
    /// The files still to apply. Throws, naming the file, when an applied file changed, when the database knows a
    /// file that no longer exists, or when the applied history skips a version.
    /// </summary>
    public static IReadOnlyList<MigrationScript> Pending(MigrationSet migrations, IReadOnlyList<AppliedMigration> applied)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(applied);
        var byVersion = migrations.Scripts.ToDictionary(s => s.Version);
        var expectedVersion = 1;
        foreach (var record in applied.OrderBy(a => a.Version))
        {
            if (record.Version != expectedVersion)
            {
                throw new SchemaMigrationException(
                    $"The database records '{record.FileName}' as applied but no version {expectedVersion:D4}: its schema history has a gap. Restore it from a backup or re-create the database.",
                    record.FileName);
            }

            if (!byVersion.TryGetValue(record.Version, out var script))
            {
                throw new SchemaMigrationException(
                    $"The database records '{record.FileName}' as applied, but {migrations.Origin} has no version {record.Version:D4}. This program is older than the database; run a newer one.",
                    record.FileName);
            }

            if (!string.Equals(script.FileName, record.FileName, StringComparison.Ordinal))
            {
                throw new SchemaMigrationException(
                    $"Schema file '{script.FileName}' has version {record.Version:D4}, which the database recorded as '{record.FileName}'. Applied files are never renamed; restore the original name.",
                    script.FileName);
            }

            if (!string.Equals(script.Sha256, record.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new SchemaMigrationException(
                    $"Schema file '{script.FileName}' changed after it was applied (SHA-256 {Abbreviate(record.Sha256)} recorded, {Abbreviate(script.Sha256)} now). Applied files are never edited: restore it and put the change in a new numbered file.",
                    script.FileName);
            }

            expectedVersion++;
        }

        return migrations.Scripts.Where(s => s.Version >= expectedVersion).ToList();
    }

    private static string Abbreviate(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
