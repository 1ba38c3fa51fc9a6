using System.Net;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Evacuations;

/// <summary>
/// <c>/api/v1/evacuations</c> against the shared server (drain-sim's server scenario, where the DecentralizedLiveMigration
/// gate is off): who may do what, and bad requests refused with every problem named and nothing recorded.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EvacuationEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task Evacuate_ByViewer_Is403AndRecordsNothing_WhileViewerMayRead()
    {
        using var viewer = server.Client("alice");
        using var post = await viewer.PostAsync("/api/v1/evacuations", Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","selector":"app=web"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var list = await viewer.GetAsync("/api/v1/evacuations");
        await Support.Api.ExpectAsync(HttpStatusCode.OK, list);
        Assert.DoesNotContain(await Support.Api.ReadAsync<List<EvacuationView>>(list), e => e.CreatedBy == "api/alice");
        using var anonymous = server.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/evacuations")).StatusCode);
    }

    [Fact]
    public async Task Evacuate_EveryProblemAtOnce_Is400NamingEachAndRecordsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/evacuations", Support.Api.Json("""
            {"sourceNamespace": "Not_A_Namespace", "targetNamespace": "", "vms": ["web-1", "BAD NAME"], "selector": "app=web",
             "maxAttempts": 0, "storageClass": " "}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Support.Api.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Field: e.GetProperty("field").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Field == "sourceNamespace" && e.Message.Contains("Not_A_Namespace", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "targetNamespace");
        Assert.Contains(errors, e => e.Field == "vms" && e.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "vms" && e.Message.Contains("BAD NAME", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("between 1 and 20", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("storage class", StringComparison.Ordinal));
        Assert.False(problem.GetProperty("retryable").GetBoolean());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Evacuate_UnknownFieldOrWrongKind_Is400NamingTheField()
    {
        using var client = server.Client("olga");
        using var unknown = await client.PostAsync("/api/v1/evacuations", Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","targetCluster":"x"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var field = (await Support.Api.ReadJsonAsync(unknown)).GetProperty("errors")[0].GetProperty("field").GetString();
        Assert.Equal("targetCluster", field);
        using var wrongKind = await client.PostAsync("/api/v1/evacuations", Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","maxAttempts":"three"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Equal("maxAttempts", (await Support.Api.ReadJsonAsync(wrongKind)).GetProperty("errors")[0].GetProperty("field").GetString());

        // Too large for the field: said with the range, not as "the wrong kind".
        using var tooLarge = await client.PostAsync("/api/v1/evacuations", Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","maxAttempts":99999999999}"""));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.StartsWith("maxAttempts must be a whole number from -2147483648 to 2147483647",
            (await Support.Api.ReadJsonAsync(tooLarge)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evacuate_GateOffInTheCluster_Is400WithThePreflightProblemAndRecordsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/evacuations", Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","selector":"app"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("DecentralizedLiveMigration", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Evacuate_ASelectorTheApiServerRefuses_Is400OnSelectorAndRecordsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);

        using var response = await client.PostAsync("/api/v1/evacuations",
            Support.Api.Json("""{"sourceNamespace":"apps","targetNamespace":"moved","selector":"app in ((("}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("selector", error.GetProperty("field").GetString());
        Assert.StartsWith("the API server refused the label selector 'app in ((('", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task GetAndReport_UnknownOrMalformedId_Are404()
    {
        using var viewer = server.Client("alice");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/evacuations/{Guid.NewGuid():D}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/evacuations/not-a-uuid")).StatusCode);
        using var report = await viewer.GetAsync($"/api/v1/evacuations/{Guid.NewGuid():D}/report");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal("application/problem+json", report.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await Support.Api.ReadAsync<List<EvacuationView>>(await client.GetAsync("/api/v1/evacuations"))).Count;
}
