using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>The migrate loop decides on an ended attempt before recording it: the record it assumes must be the one the store writes.</summary>
public sealed class ObservedRecordTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    public static TheoryData<string> Ends => new() { "succeeded", "failed-with-reason", "gone" };

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task Ended_ReadsAsTheStoreRecordsIt(string end)
    {
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        var drainId = await AttemptAsync(store, name);
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Running, VmimUid: "u1",
            TargetNode: "worker-2", Mode: "PreCopy", PhaseTimestampsJson: """{"Running":"2026-01-01T00:00:05.000Z"}""",
            CreatedAt: _clock.GetUtcNow(), StartedAt: _clock.GetUtcNow().AddSeconds(5)), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(40));
        var before = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));
        var observation = end switch
        {
            "succeeded" => new AttemptObservation(AttemptOutcome.Succeeded, VmimUid: "u1", Mode: "PostCopy",
                PhaseTimestampsJson: """{"Running":"2026-01-01T00:00:05.000Z","Succeeded":"2026-01-01T00:00:30.000Z"}""",
                StartedAt: _clock.GetUtcNow(), FinishedAt: _clock.GetUtcNow().AddSeconds(-3)),
            "failed-with-reason" => new AttemptObservation(AttemptOutcome.Failed, FailureClass: "Stalled",
                FailureReason: "Live migration stuck for 150 sec"),
            _ => new AttemptObservation(AttemptOutcome.Failed, FailureClass: "VmiGone", FailureReason: "the VMI no longer exists"),
        };

        var assumed = ObservedRecord.Ended(before, observation, _clock.GetUtcNow());
        await InTransactionAsync(t => store.ObserveAsync(t, name, observation, CancellationToken.None));
        var written = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));

        Assert.Equal(Normalized(written), Normalized(assumed));
    }

    [Fact]
    public async Task Ended_AnAbortTheEngineStampsBeforeTheClustersStart_ReadsAsTheStoreRecordsIt()
    {
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        var drainId = await AttemptAsync(store, name);
        // The cluster's clock runs 100 s ahead of the engine's.
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Running, VmimUid: "u1", TargetNode: "worker-2",
            Mode: "PreCopy", PhaseTimestampsJson: "{}", CreatedAt: _clock.GetUtcNow().AddSeconds(99), StartedAt: _clock.GetUtcNow().AddSeconds(100)),
            CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var before = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));
        var abort = new AttemptObservation(AttemptOutcome.Aborted, FailureClass: "Aborted", FailureReason: "the drain was cancelled");

        var assumed = ObservedRecord.Ended(before, abort, _clock.GetUtcNow());
        await InTransactionAsync(t => store.ObserveAsync(t, name, abort, CancellationToken.None));
        var written = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));

        Assert.Equal(before.StartedAt, assumed.FinishedAt);
        Assert.Equal(Normalized(written), Normalized(assumed));
    }

    // jsonb re-renders objects; compare the phase times as data.
    private static AttemptRecord Normalized(AttemptRecord record) => record with
    {
        PhaseTimestampsJson = string.Join(",", System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, string>>(record.PhaseTimestampsJson)!),
    };

    private async Task<Guid> AttemptAsync(AttemptStore store, string name)
    {
        var id = Guid.NewGuid();
        var drain = await new DrainStore(database.DataSource, _clock).CreateAsync(
            new NewDrain(id, $"drain-{id:N}"[..20], "c-" + id.ToString("N")[..8], ["worker-1"], "{}", "test"), CancellationToken.None);
        await InTransactionAsync(async t =>
        {
            await new WaveStore(database.DataSource, _clock).RecordPlanAsync(t, drain.Id, "rolling", 5, [new PlannedWaveRow(1, 1)], CancellationToken.None);
            await store.InsertIntendedAsync(t, new NewAttempt(drain.Id, 1, 1, "ns", "vm-a", "uid-" + name, "worker-1", "worker-2", name, PostCopy: false),
                CancellationToken.None);
        });
        return drain.Id;
    }

    private async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }
}
