using System.Text.RegularExpressions;
using Dapper;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Schema;

/// <summary>Each state enum maps to exactly the words its CHECK constraint allows, both ways.</summary>
public sealed partial class DatabaseWordsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task DrainState_TheWordsOfDrainsStateKnown() =>
        Assert.Equal(await AllowedAsync("drains_state_known"), Words<DrainState>(s => s.ToDatabase(), DrainStates.Parse));

    [Fact]
    public async Task DrainNodeState_TheWordsOfDrainNodesStateKnown() =>
        Assert.Equal(await AllowedAsync("drain_nodes_state_known"), Words<DrainNodeState>(s => s.ToDatabase(), DrainNodeStates.Parse));

    [Fact]
    public async Task AttemptOutcome_TheWordsOfMigrationAttemptsOutcomeKnown() =>
        Assert.Equal(await AllowedAsync("migration_attempts_outcome_known"), Words<AttemptOutcome>(o => o.ToDatabase(), AttemptOutcomes.Parse));

    [Fact]
    public async Task AttemptKind_TheWordsOfMigrationAttemptsKindKnown() =>
        Assert.Equal(await AllowedAsync("migration_attempts_kind_known"), Words<AttemptKind>(k => k.ToDatabase(), AttemptKinds.Parse));

    [Fact]
    public void Parse_AWordOfNoValue_Refused()
    {
        Assert.Throws<FormatException>(() => DrainStates.Parse("Running"));
        Assert.Throws<FormatException>(() => AttemptOutcomes.Parse("notCreated"));
    }

    // Every value's word, each parsing back to its value.
    private static SortedSet<string> Words<TEnum>(Func<TEnum, string> word, Func<string, TEnum> parse)
        where TEnum : struct, Enum
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            Assert.Equal(value, parse(word(value)));
            words.Add(word(value));
        }

        return words;
    }

    private async Task<SortedSet<string>> AllowedAsync(string constraint)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var definition = await connection.ExecuteScalarAsync<string>(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = @constraint", new { constraint });
        return new SortedSet<string>(Quoted().Matches(definition!).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
    }

    [GeneratedRegex("'([a-z_]+)'")]
    private static partial Regex Quoted();
}
