using DrainOrchestrator.Persistence.Migrations;

namespace DrainOrchestrator.Persistence.Tests.Migrations;

public sealed class MigrationSetTests
{
    private static MigrationScript Script(string name, string sql = "SELECT 1;") =>
        MigrationScript.FromBytes(name, System.Text.Encoding.UTF8.GetBytes(sql));

    [Fact]
    public void Create_FilesOutOfOrder_OrdersByVersion()
    {
        var set = MigrationSet.Create([Script("0002_b.sql"), Script("0001_a.sql")], "test");

        Assert.Equal(["0001_a.sql", "0002_b.sql"], set.Scripts.Select(s => s.FileName));
    }

    [Fact]
    public void Create_GapInSequence_ThrowsNamingMissingVersionAndFile()
    {
        var ex = Assert.Throws<SchemaMigrationException>(() =>
            MigrationSet.Create([Script("0001_a.sql"), Script("0003_c.sql")], "test"));

        Assert.Equal("0003_c.sql", ex.FileName);
        Assert.Contains("0002", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateVersion_ThrowsNamingBothFiles()
    {
        var ex = Assert.Throws<SchemaMigrationException>(() =>
            MigrationSet.Create([Script("0001_a.sql"), Script("0001_b.sql")], "test"));

        Assert.Contains("0001_a.sql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0001_b.sql", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_a.sql")]
    [InlineData("0001-a.sql")]
    [InlineData("0001_A.sql")]
    [InlineData("0000_zero.sql")]
    [InlineData("0001_a.txt")]
    public void FromBytes_BadFileName_ThrowsNamingFile(string fileName)
    {
        var ex = Assert.Throws<SchemaMigrationException>(() => Script(fileName));

        Assert.Equal(fileName, ex.FileName);
    }

    [Fact]
    public void Embedded_MatchesCheckedInDirectory()
    {
        var embedded = MigrationSet.Embedded();
        var onDisk = MigrationSet.FromDirectory(Testing.RepositoryPaths.MigrationsSql);

        Assert.NotEmpty(embedded.Scripts);
        Assert.Equal(onDisk.Scripts.Select(s => (s.FileName, s.Sha256)), embedded.Scripts.Select(s => (s.FileName, s.Sha256)));
    }
}
