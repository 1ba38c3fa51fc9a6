using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class AuditEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task Audit_EveryChainWithItsOwnAnchors_IntactForAViewer()
    {
        using var client = server.Client("alice");
        var anchors = await Support.Api.ReadAsync<AnchorExport>(await client.GetAsync("/api/v1/audit/anchors"));

        using var response = await client.PostAsync("/api/v1/audit/verify", Support.Api.Json(JsonSerializer.Serialize(anchors, JsonSerializerOptions.Web)));
        var report = await Support.Api.ReadAsync<AuditReport>(response);

        Assert.Equal(AnchorExport.CurrentFormat, anchors.Format);
        Assert.True(report.Intact, string.Join("; ", report.Chains.Where(c => !c.Intact).Select(c => $"{c.Scope} {c.Id}: {c.Finding}")));
        // Each of its anchors is checked twice: stored in the database and sent back; drains finishing meanwhile add more.
        Assert.True(report.Chains.Sum(c => c.AnchorsChecked) >= 2 * anchors.Anchors.Count);
    }

    [Fact]
    public async Task AuditVerify_MalformedAnchors_Is400NamingTheProblems()
    {
        using var client = server.Client("alice");

        using var response = await client.PostAsync("/api/v1/audit/verify",
            Support.Api.Json("""{"format": "something-else", "exportedAt": "2026-11-21T08:00:00Z", "anchors": [{"scope": "moon", "id": "00000000-0000-0000-0000-000000000001", "seq": 0, "position": 1, "hash": "zz", "reason": "x", "recordedAt": "2026-11-21T08:00:00Z"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("expected 'drain-journal-anchors/v1'", message, StringComparison.Ordinal);
        Assert.Contains("anchors[0].scope is 'moon'", message, StringComparison.Ordinal);
        Assert.Contains("anchors[0].hash must be 64 hex digits", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the request body is empty: give an anchors export")]
    [InlineData("{\"anchors\": [", "the request body is not an anchors export (not the JSON of one at line 1, byte")]
    public async Task AuditVerify_NoOrBrokenJson_Is400InTheOperatorsWords(string body, string expected)
    {
        using var client = server.Client("alice");

        using var response = await client.PostAsync("/api/v1/audit/verify", Support.Api.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        // None of .NET's own wording: no parameter name, no reader state.
        Assert.DoesNotContain("Parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainAudit_UnknownDrain_Is404()
    {
        using var client = server.Client("alice");

        using var response = await client.GetAsync("/api/v1/drains/no-such-drain/audit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
