using System.Net;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Workflows;

[Collection(ServerCollection.Name)]
public sealed class ScheduleEndpointTests(ServerFixture server)
{
    private static string Scheduled(string cron, string zone) => $$"""
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: nightly}
        schedule: {cron: "{{cron}}", timeZone: {{zone}}, duration: 4h}
        steps:
          - {id: report, kind: report}
        """;

    [Fact]
    public async Task Create_BadCronAndUnknownZone_Is422NamingBothAtTheirLines()
    {
        using var client = server.Client("olga");
        using var response = await client.PostAsync("/api/v1/schedules", Body("bad-" + Guid.NewGuid().ToString("N")[..6], Scheduled("61 * * * *", "Mars/Olympus")));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        var messages = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("nightly.yaml:4:", StringComparison.Ordinal) && m.Contains("61", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("nightly.yaml:4:", StringComparison.Ordinal) && m.Contains("Mars/Olympus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ANodeTheClusterLacks_Is422AtItsStepAndNothingIsStored()
    {
        using var client = server.Client("olga");
        var name = "ghost-" + Guid.NewGuid().ToString("N")[..6];
        const string text = """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: nightly}
            schedule: {cron: "0 3 * * *", timeZone: UTC, duration: 4h}
            steps:
              - {id: pick, kind: selectNodes, names: [src-1, src-ghost]}
              - {id: report, kind: report}
            """;
        using var response = await client.PostAsync("/api/v1/schedules", Body(name, text));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        var message = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.StartsWith("nightly.yaml:6:", message, StringComparison.Ordinal);
        Assert.Contains("node 'src-ghost' does not exist in the cluster", message, StringComparison.Ordinal);
        var listed = await Support.Api.ReadAsync<List<ScheduleView>>(await client.GetAsync("/api/v1/schedules"));
        Assert.DoesNotContain(listed, s => s.Name == name);
    }

    [Fact]
    public async Task Lifecycle_CreateListNextFiringsDelete()
    {
        using var client = server.Client("olga");
        var name = "nightly-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsync("/api/v1/schedules", Body(name, Scheduled("0 3 * * *", "Europe/Berlin")));
        await Support.Api.ExpectAsync(HttpStatusCode.Created, created);
        var view = await Support.Api.ReadAsync<ScheduleView>(created);
        Assert.Equal((name, "nightly", "0 3 * * *", "Europe/Berlin", 4 * 3600.0), (view.Name, view.Workflow, view.Cron, view.TimeZone, view.DurationSeconds));

        using var duplicate = await client.PostAsync("/api/v1/schedules", Body(name, Scheduled("0 3 * * *", "Europe/Berlin")));
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, duplicate);

        using var viewer = server.Client("alice");
        var listed = await Support.Api.ReadAsync<List<ScheduleView>>(await viewer.GetAsync("/api/v1/schedules"));
        Assert.NotNull(listed.Single(s => s.Name == name).Next);

        var next = await Support.Api.ReadAsync<ScheduleWindows>(await viewer.GetAsync($"/api/v1/schedules/{name}/next?count=3&after=2027-03-27T00:00:00Z"));
        Assert.Equal(3, next.Windows.Count);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.All(next.Windows, w =>
        {
            Assert.Equal(new TimeSpan(3, 0, 0), w.LocalStart.TimeOfDay);
            Assert.Equal(berlin.GetUtcOffset(w.Start), w.LocalStart.Offset);
            Assert.Equal(w.Start, w.LocalStart);
        });
        // 2027-03-28 is the spring-forward day: 03:00 local is 01:00 UTC there, 02:00 UTC the day before.
        Assert.Equal(DateTimeOffset.Parse("2027-03-27T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), next.Windows[0].Start);
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), next.Windows[1].Start);

        Assert.Empty(await Support.Api.ReadAsync<List<FiringRecord>>(await viewer.GetAsync($"/api/v1/schedules/{name}/firings")));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/schedules/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/schedules/{name}")).StatusCode);
        using var gone = await client.DeleteAsync($"/api/v1/schedules/{name}");
        await Support.Api.ExpectAsync(HttpStatusCode.NotFound, gone);
        // Its firings stay readable by its name (none here) until another schedule takes the name; a name never used is 404.
        Assert.Empty(await Support.Api.ReadAsync<List<FiringRecord>>(await viewer.GetAsync($"/api/v1/schedules/{name}/firings")));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/schedules/never-{name}/firings")).StatusCode);
    }

    [Fact]
    public async Task NextOfQuery_SpringForwardWindowAndEveryBadFieldAtOnce()
    {
        using var client = server.Client("alice");
        var windows = await Support.Api.ReadAsync<ScheduleWindows>(await client.GetAsync(
            "/api/v1/schedules/next?cron=30%202%20*%20*%20*&timeZone=Europe/Berlin&duration=1h&count=2&after=2027-03-27T12:00:00Z"));
        // 02:30 does not exist on 2027-03-28 in Berlin: Cronos fires at the jump, 03:00 CEST = 01:00 UTC.
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), windows.Windows[0].Start);
        Assert.Equal(TimeSpan.FromHours(2), windows.Windows[0].LocalStart.Offset);

        using var bad = await client.GetAsync("/api/v1/schedules/next?cron=nope&timeZone=Nowhere/Land&duration=soon&count=0");
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, bad);
        var fields = (await Support.Api.ReadJsonAsync(bad)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "cron", "timeZone", "duration", "count" }, fields);
    }

    [Fact]
    public async Task NextOfQuery_AWindowBeyondAMonthOrTheCalendarsEnd_ABadRequestOrWhatFits()
    {
        using var client = server.Client("alice");

        using var huge = await client.GetAsync("/api/v1/schedules/next?cron=0%202%20*%20*%20*&timeZone=UTC&duration=9999999d");
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, huge);
        var problem = Assert.Single((await Support.Api.ReadJsonAsync(huge)).GetProperty("errors").EnumerateArray());
        Assert.Equal("duration", problem.GetProperty("field").GetString());
        using var month = await client.GetAsync("/api/v1/schedules/next?cron=0%202%20*%20*%20*&timeZone=UTC&duration=32d");
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, month);
        Assert.Contains("at most 31 days",
            (await Support.Api.ReadJsonAsync(month)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var last = await Support.Api.ReadAsync<ScheduleWindows>(await client.GetAsync(
            "/api/v1/schedules/next?cron=0%2023%20*%20*%20*&timeZone=UTC&duration=2h&after=9999-12-30T00:00:00Z&count=3"));
        Assert.Equal(DateTimeOffset.Parse("9999-12-30T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(last.Windows).Start);
    }

    private static System.Net.Http.Json.JsonContent Body(string name, string text) =>
        System.Net.Http.Json.JsonContent.Create(new { name, fileName = "nightly.yaml", text }, options: Server.Api.ApiJson.Options);
}
