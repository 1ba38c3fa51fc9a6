using System.Globalization;
using System.Net;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Api;

/// <summary>POST /plans with a window: whether the work fits and how many windows it needs; a bad window named field by field.</summary>
[Collection(ServerCollection.Name)]
public sealed class PlanWindowTests(ServerFixture server)
{
    [Fact]
    public async Task Plan_LongWindow_FitsInOne()
    {
        using var client = server.Client("alice");
        var end = TimeProvider.System.GetUtcNow().AddDays(1).ToString("O", CultureInfo.InvariantCulture);
        using var response = await client.PostAsync("/api/v1/plans", Support.Api.Json($$$"""{"nodes":["src-4"],"window":{"end":"{{{end}}}"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var window = (await Support.Api.ReadJsonAsync(response)).GetProperty("window");
        Assert.True(window.GetProperty("fits").GetBoolean());
        Assert.Equal(1, window.GetProperty("windowsNeeded").GetInt32());
        Assert.Equal(0, window.GetProperty("neverFit").GetArrayLength());
    }

    [Fact]
    public async Task Plan_ShortRecurringWindows_DoesNotFit()
    {
        using var client = server.Client("alice");
        using var response = await client.PostAsync("/api/v1/plans", Support.Api.Json(
            """{"nodes":["src-4"],"policy":{"maxParallel":1,"maxOutbound":1,"windowMarginSeconds":0},"window":{"cron":"0 0 * * *","timeZone":"UTC","durationSeconds":60}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var window = (await Support.Api.ReadJsonAsync(response)).GetProperty("window");
        Assert.False(window.GetProperty("fits").GetBoolean());
        Assert.Equal(60, window.GetProperty("windowSeconds").GetDouble());
    }

    [Fact]
    public async Task Plan_BadWindow_Is400NamingEachField()
    {
        using var client = server.Client("alice");
        using var response = await client.PostAsync("/api/v1/plans", Support.Api.Json(
            """{"nodes":["src-4"],"window":{"end":"2001-01-01T00:00:00Z","cron":"61 * * * *","timeZone":"Mars/Olympus","durationSeconds":0,"colour":1}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("window.colour", errors.Keys);
        Assert.Contains("window.end", errors.Keys);
        Assert.Contains("window.cron", errors.Keys);
        Assert.Contains("window.timeZone", errors.Keys);
        // Named as the request names it, not as the command line's --duration.
        Assert.Equal("durationSeconds must be more than zero", errors["window.durationSeconds"]);
    }
}
