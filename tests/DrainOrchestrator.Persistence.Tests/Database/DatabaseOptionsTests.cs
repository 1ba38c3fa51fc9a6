using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Persistence.Tests.Database;

public sealed class DatabaseOptionsTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void FromCommandLine_OptionGiven_WinsOverEnvironment()
    {
        var options = DatabaseOptions.FromCommandLine("Host=a;Database=x", null, Env(("DRAIN_DB", "Host=b;Database=y")));

        Assert.Equal("Host=a;Database=x", options.ConnectionString);
    }

    [Fact]
    public void FromCommandLine_OnlyEnvironment_UsesDrainDb()
    {
        var options = DatabaseOptions.FromCommandLine(null, null, Env(("DRAIN_DB", "Host=b;Database=y")));

        Assert.Equal("Host=b;Database=y", options.ConnectionString);
    }

    [Fact]
    public void FromCommandLine_Nothing_UsesEmbeddedAndMigrates()
    {
        var options = DatabaseOptions.FromCommandLine(null, null, Env());

        Assert.Null(options.ConnectionString);
        Assert.True(options.MigrateOnOpen);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    public void FromCommandLine_MigrateVariable_Honoured(string value, bool expected) =>
        Assert.Equal(expected, DatabaseOptions.FromCommandLine(null, null, Env(("DRAIN_DB_MIGRATE", value))).MigrateOnOpen);

    [Fact]
    public void FromCommandLine_MalformedConnectionString_ErrorExplainsExpectedForm()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine("this is not a connection string", null, Env()));

        Assert.Contains("Host=", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCommandLine_BadMigrateVariable_ErrorNamesVariable()
    {
        var ex = Assert.Throws<ArgumentException>(() => DatabaseOptions.FromCommandLine(null, null, Env(("DRAIN_DB_MIGRATE", "maybe"))));

        Assert.Contains("DRAIN_DB_MIGRATE", ex.Message, StringComparison.Ordinal);
    }
}
