using System.Text;
using DrainOrchestrator.Persistence.Migrations;

namespace DrainOrchestrator.Persistence.Tests.Migrations;

public sealed class MigrationPlanTests
{
    private static readonly DateTimeOffset AppliedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MigrationSet Set(params string[] names) =>
        MigrationSet.Create(names.Select(n => MigrationScript.FromBytes(n, Encoding.UTF8.GetBytes($"-- {n}"))), "test");

    private static AppliedMigration Applied(MigrationScript script) =>
        new(script.Version, script.FileName, script.Sha256, AppliedAt);

    [Fact]
    public void Pending_NothingApplied_ReturnsAll()
    {
        var set = Set("0001_a.sql", "0002_b.sql");

        Assert.Equal(2, MigrationPlan.Pending(set, []).Count);
    }

    [Fact]
    public void Pending_PrefixApplied_ReturnsRest()
    {
        var set = Set("0001_a.sql", "0002_b.sql");

        var pending = MigrationPlan.Pending(set, [Applied(set.Scripts[0])]);

        Assert.Equal(["0002_b.sql"], pending.Select(p => p.FileName));
    }

    [Fact]
    public void Pending_AppliedFileChanged_ThrowsNamingFile()
    {
        var set = Set("0001_a.sql");
        var record = Applied(set.Scripts[0]) with { Sha256 = new string('0', 64) };

        var ex = Assert.Throws<SchemaMigrationException>(() => MigrationPlan.Pending(set, [record]));

        Assert.Equal("0001_a.sql", ex.FileName);
        Assert.Contains("changed after it was applied", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_AppliedFileRenamed_ThrowsNamingBothNames()
    {
        var set = Set("0001_a.sql");
        var record = Applied(set.Scripts[0]) with { FileName = "0001_old.sql" };

        var ex = Assert.Throws<SchemaMigrationException>(() => MigrationPlan.Pending(set, [record]));

        Assert.Contains("0001_old.sql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0001_a.sql", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_DatabaseNewerThanFiles_ThrowsNamingUnknownFile()
    {
        var newer = Set("0001_a.sql", "0002_b.sql");
        var older = Set("0001_a.sql");

        var ex = Assert.Throws<SchemaMigrationException>(() =>
            MigrationPlan.Pending(older, [Applied(newer.Scripts[0]), Applied(newer.Scripts[1])]));

        Assert.Equal("0002_b.sql", ex.FileName);
    }

    [Fact]
    public void Pending_AppliedHistoryHasGap_Throws()
    {
        var set = Set("0001_a.sql", "0002_b.sql", "0003_c.sql");

        var ex = Assert.Throws<SchemaMigrationException>(() =>
            MigrationPlan.Pending(set, [Applied(set.Scripts[0]), Applied(set.Scripts[2])]));

        Assert.Equal("0003_c.sql", ex.FileName);
        Assert.Contains("gap", ex.Message, StringComparison.Ordinal);
    }
}
