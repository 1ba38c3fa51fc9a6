using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.Server.Tests.Jobs;

/// <summary>
/// The host's stop (what SIGTERM does to drainctl serve) in the middle of a drain: the replica leaves Hangfire, its
/// drain lets go of its lease at once, and a second replica on the same database carries the drain to the end.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GracefulShutdownTests(ServerFixture fixture, ITestOutputHelper log)
{
    [Fact]
    public async Task Stop_MidDrain_ReleasesTheLease_AndAnotherReplicaFinishesTheDrain()
    {
        var database = await fixture.NewDatabaseAsync();
        var first = await fixture.StartServerAsync(o => o.Engine = new DrainEngineOptions { Holder = "replica-a-" + Guid.NewGuid().ToString("N")[..6] }, database);
        Guid drainId;
        try
        {
            using var client = fixture.Client(first.BaseAddress, "olga");
            using var created = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-5"],"name":"shutdown-drain"}"""));
            await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
            drainId = (await Support.Api.ReadAsync<DrainView>(created)).Id;

            // Mid-drain: some VMs moved, some not yet.
            var node = await WaitAsync(client, drainId, d => d.Nodes.Single() is { Moved: >= 2, Remaining: >= 4 }, TimeSpan.FromMinutes(2));
            Assert.Equal(DrainStatus.Running, node.State);
            Assert.Equal(first.Options.Engine.Holder, (await LeaseAsync(database, drainId)).Holder);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }

        var stopping = Stopwatch.StartNew();
        await first.StopAsync();
        stopping.Stop();
        // Within Kubernetes' default termination grace period (30 s), after which the pod is killed; it takes a few
        // seconds on an idle machine, more on a loaded runner.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"the stop took {stopping.Elapsed}");

        // The lease is released (expired now, its epoch kept), and the replica left Hangfire's servers: no more jobs.
        var released = await LeaseAsync(database, drainId);
        Assert.Equal(first.Options.Engine.Holder, released.Holder);
        Assert.True(released.Expired, "the drain's lease is still live after the stop");
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.server WHERE id LIKE @p", first.Options.Engine.Holder + "%"));
        Assert.Contains("stopped for shutdown; its lease is released", first.Log.Text, StringComparison.Ordinal);

        var secondHolder = "replica-b-" + Guid.NewGuid().ToString("N")[..6];
        await using var second = await fixture.StartServerAsync(o => o.Engine = new DrainEngineOptions { Holder = secondHolder }, database);
        using var viewer = fixture.Client(second.BaseAddress, "alice");
        // The lease was released above (not waited out), so the take-over needs only Hangfire's fetch and a supervisor
        // pass (every 2 s here): seconds on an idle machine. The deadline only guards a hang on a loaded runner.
        var resuming = Stopwatch.StartNew();
        while ((await LeaseAsync(database, drainId)) is not { Expired: false } lease || lease.Holder != secondHolder)
        {
            Assert.True(resuming.Elapsed < TimeSpan.FromSeconds(60), "the second replica did not take the drain over within 60 s");
            await Task.Delay(100);
        }

        log.WriteLine($"the stop took {stopping.Elapsed.TotalSeconds:F1} s, the take-over {resuming.Elapsed.TotalSeconds:F1} s");
        var ended = await Support.Api.WaitFinishedAsync(viewer, drainId, TimeSpan.FromMinutes(4));
        Assert.Equal(DrainStatus.Succeeded, ended.State);
        Assert.Equal(0, ended.Nodes.Single().Remaining);

        var journal = await Support.Api.ReadAsync<JournalPage>(await viewer.GetAsync($"/api/v1/drains/{drainId}/journal?limit=10000"));
        var resumed = Assert.Single(journal.Items, e => e.Kind == "drain.resumed_by");
        Assert.Equal(secondHolder, JsonDocument.Parse(resumed.PayloadJson).RootElement.GetProperty("holder").GetString());

        // Judged from the simulator: every VM of src-5 left it once, never more than two at a time.
        var truth = await fixture.Sim.GroundTruthAsync();
        var fromNode = truth.Migrations.Where(m => m.SourceNode == "src-5").ToList();
        Assert.All(fromNode.Where(m => m.Outcome == "Succeeded").GroupBy(m => m.VmiName), g => Assert.Single(g));
        // The node's counts include what the first replica moved before the stop (the resumed run plans only what is left).
        Assert.Equal(fromNode.Count(m => m.Outcome == "Succeeded"), ended.Nodes.Single().Moved);
        Assert.Equal(ended.Nodes.Single().Total, ended.Nodes.Single().Moved);
        Assert.True(truth.PeakInFlightPerSourceNode.GetValueOrDefault("src-5") <= 2, truth.ToString());
    }

    private static async Task<DrainView> WaitAsync(HttpClient client, Guid id, Func<DrainView, bool> until, TimeSpan deadline)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var drain = await Support.Api.ReadAsync<DrainView>(await client.GetAsync($"/api/v1/drains/{id}"));
            if (until(drain))
            {
                return drain;
            }

            Assert.True(started.Elapsed < deadline && drain.FinishedAt is null, $"drain {id} never got there: {JsonSerializer.Serialize(drain, ApiJson.Options)}");
            await Task.Delay(100);
        }
    }

    private static async Task<(string Holder, bool Expired)> LeaseAsync(string database, Guid drainId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder, expires_at <= now() FROM leases WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", "drain/" + drainId.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetBoolean(1)) : (string.Empty, true);
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
