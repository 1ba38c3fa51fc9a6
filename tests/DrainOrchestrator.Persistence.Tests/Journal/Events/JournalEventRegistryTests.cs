using System.Text.Json.Nodes;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Tests.Journal.Events;

public sealed class JournalEventRegistryTests
{
    [Fact]
    public void Serialize_VersionAboveOne_WrittenInThePayload()
    {
        var registry = new JournalEventRegistry([typeof(Renamed)]);

        var json = JsonNode.Parse(registry.Serialize(new Renamed("a", "b")))!;

        Assert.Equal(2, json[JournalEventRegistry.VersionField]!.GetValue<int>());
        Assert.Equal(new Renamed("a", "b"), registry.Read("test.renamed", json.ToJsonString()));
    }

    [Fact]
    public void Read_RowWithoutAVersion_IsVersionOne_ReadByTheCurrentRecord()
    {
        var registry = new JournalEventRegistry([typeof(Renamed)]);

        Assert.Equal(new Renamed("a", null), registry.Read("test.renamed", """{"name":"a"}"""));
        Assert.IsType<UnknownEvent>(registry.Read("test.renamed", """{"name":"a","payloadVersion":3}"""));
    }

    [Fact]
    public void Registry_KindNamedTwice_Refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new JournalEventRegistry([typeof(Renamed), typeof(RenamedAgain)]));

        Assert.Contains("test.renamed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_RecordWithoutItsKind_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => new JournalEventRegistry([typeof(Unnamed)]));
    }

    [Fact]
    public void Read_PayloadOfAKnownKindItCannotRead_SaysWhich()
    {
        var registry = new JournalEventRegistry([typeof(Renamed)]);

        var ex = Assert.Throws<System.Text.Json.JsonException>(() => registry.Read("test.renamed", """{"name":42}"""));

        Assert.Contains("test.renamed", ex.Message, StringComparison.Ordinal);
    }

    [JournalEvent("test.renamed", 2)]
    private sealed record Renamed(string Name, string? NewField) : JournalEvent;

    [JournalEvent("test.renamed", 1)]
    private sealed record RenamedAgain(string Name) : JournalEvent;

    private sealed record Unnamed(string Name) : JournalEvent;
}
