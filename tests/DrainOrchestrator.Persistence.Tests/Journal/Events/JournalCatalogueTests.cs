using System.Text.Json.Nodes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Tests.Journal.Events;

public sealed class JournalCatalogueTests
{
    public static TheoryData<string, string> Legacy()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, json, _) in LegacyPayloads.All())
        {
            data.Add(kind, json);
        }

        return data;
    }

    [Fact]
    public void Catalogue_EveryEventRecord_OnceWithAUniqueKind()
    {
        var records = typeof(JournalEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(JournalEvent)) && !t.IsAbstract && t != typeof(UnknownEvent)).ToHashSet();

        Assert.Equal(records, JournalCatalogue.Types.Select(t => t.Type).ToHashSet());
        Assert.Equal(JournalCatalogue.Types.Count, JournalCatalogue.Types.Select(t => t.Kind).Distinct(StringComparer.Ordinal).Count());
        Assert.All(JournalCatalogue.Types, t => Assert.True(t.Type.IsSealed, t.Type.Name));
        Assert.All(JournalCatalogue.Types, t => Assert.Equal(1, t.Version));
    }

    [Fact]
    public void LegacyPayloads_CoverEveryKind()
    {
        Assert.Equal(JournalCatalogue.Types.Select(t => t.Kind).Order(StringComparer.Ordinal),
            LegacyPayloads.All().Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Legacy))]
    public void Read_PayloadAsJournaledBeforeTheCatalogue_TheTypedEvent(string kind, string json)
    {
        var expected = LegacyPayloads.All().First(p => p.Kind == kind && p.Json == json).Expected;

        var read = JournalCatalogue.Read(kind, json);

        Assert.IsType(expected.GetType(), read);
        Assert.Equivalent(expected, read, strict: true);
        Assert.Equal(kind, read.Kind);
    }

    [Theory]
    [MemberData(nameof(Legacy))]
    public void Serialize_TheSameFieldsAsBefore_NullsOfAbsentFieldsLeftOut(string kind, string json)
    {
        var expected = LegacyPayloads.All().First(p => p.Kind == kind && p.Json == json).Expected;

        var written = JsonNode.Parse(JournalCatalogue.Serialize(expected))!;

        Assert.True(JsonNode.DeepEquals(WithoutOptionalNulls(JsonNode.Parse(json)!), WithoutOptionalNulls(written)),
            $"{kind}: wrote {written.ToJsonString()}, the journal holds {json}");
    }

    [Theory]
    [MemberData(nameof(Legacy))]
    public void Serialize_ThenRead_RoundTrips(string kind, string json)
    {
        var original = JournalCatalogue.Read(kind, json);

        var again = JournalCatalogue.Read(original.Kind, JournalCatalogue.Serialize(original));

        Assert.IsType(original.GetType(), again);
        Assert.Equivalent(original, again, strict: true);
    }

    [Fact]
    public void Serialize_FieldsAlwaysWritten_KeepTheirNulls()
    {
        var item = JsonNode.Parse(JournalCatalogue.Serialize(new PlanItem("u1", "ns", "vm", "w1", "Migrate", 1, "Default", null, 3, "PreCopy")))!;
        var resumed = JsonNode.Parse(JournalCatalogue.Serialize(new DrainResumed("engine-a", null)))!;

        Assert.True(item.AsObject().ContainsKey("detail"));
        Assert.True(resumed.AsObject().ContainsKey("state"));
    }

    [Fact]
    public void Read_UnknownKind_KeptRaw()
    {
        var read = JournalCatalogue.Read("lease.stolen", """{"by":"someone"}""");

        var unknown = Assert.IsType<UnknownEvent>(read);
        Assert.Equal(("lease.stolen", 1, """{"by":"someone"}"""), (unknown.Kind, unknown.PayloadVersion, unknown.PayloadJson));
    }

    [Fact]
    public void Read_VersionAboveTheCatalogues_KeptRaw()
    {
        var read = JournalCatalogue.Read("step.completed", """{"step":"plan","payloadVersion":2}""");

        Assert.Equal(2, Assert.IsType<UnknownEvent>(read).PayloadVersion);
        Assert.Equal(new StepCompleted("plan"), JournalCatalogue.Read("step.completed", """{"step":"plan","payloadVersion":1}"""));
    }

    [Fact]
    public void KindsOf_AFamily_EveryKindOfIt()
    {
        Assert.Equal(["drain.cancelled", "drain.failed", "drain.succeeded"], JournalCatalogue.KindsOf<DrainFinished>());
        Assert.Equal(["attempt.aborted", "attempt.created", "attempt.failed", "attempt.not_created", "attempt.running", "attempt.succeeded"],
            JournalCatalogue.KindsOf<AttemptObserved>());
        Assert.True(JournalCatalogue.Is<DrainFinished>("drain.cancelled"));
        Assert.False(JournalCatalogue.Is<DrainFinished>("drain.started"));
        Assert.False(JournalCatalogue.Is<DrainFinished>("no.such.kind"));
    }

    [Theory]
    [InlineData(AttemptOutcome.Created, "attempt.created")]
    [InlineData(AttemptOutcome.Running, "attempt.running")]
    [InlineData(AttemptOutcome.Succeeded, "attempt.succeeded")]
    [InlineData(AttemptOutcome.Failed, "attempt.failed")]
    [InlineData(AttemptOutcome.Aborted, "attempt.aborted")]
    [InlineData(AttemptOutcome.NotCreated, "attempt.not_created")]
    public void AttemptObservedOf_AnOutcome_ItsKindAndOutcome(AttemptOutcome outcome, string kind)
    {
        var observed = AttemptObserved.Of(outcome, "m-1");

        Assert.Equal((kind, outcome, "m-1"), (observed.Kind, observed.Outcome, observed.Vmim));
    }

    [Fact]
    public void Factories_StatesAndSignalsOutsideTheirKinds_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptObserved.Of(AttemptOutcome.Intended, "m-1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => DrainFinished.Of(DrainState.Running, "why", false));
        Assert.Equal("drain.cancelled", DrainFinished.Of(DrainState.Cancelled, "why", false).Kind);
        Assert.Equal("signal.resume", DrainSignalled.Of(DrainSignal.Resume, DrainState.Paused, DrainState.Running).Kind);
    }

    // Before the catalogue every field was written, null or not; now a field a kind's shape does not have is left out.
    private static JsonObject WithoutOptionalNulls(JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var name in copy.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            copy.Remove(name);
        }

        return copy;
    }
}
