using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Api;

/// <summary>The tamper-evident ledger: verify the journal's hash chains, export and check their anchors.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/drains/{id}/audit", (string id, AuditApplication app, CancellationToken ct) => VerifyAsync(id, null, app, ct))
            .WithTags("Audit").RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Recompute the drain's journal chain; names the first record altered, deleted, inserted or reordered")
            .Produces<AuditReport>().ProducesProblem(StatusCodes.Status404NotFound);
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", (AuditApplication app, CancellationToken ct) => VerifyAsync(null, null, app, ct)).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Recompute every journal chain (drains, workflow instances, records of neither)").Produces<AuditReport>();
        audit.MapPost("/verify", VerifyWithAnchorsAsync).RequireAuthorization(ApiPolicies.Read)
            .Accepts<AnchorExport>("application/json")
            .WithSummary("Recompute the chains of a drain (?drain=) or all, also against an anchors export kept outside the database")
            .Produces<AuditReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        audit.MapGet("/anchors", (string? drain, AuditApplication app, CancellationToken ct) => AnchorsAsync(drain, app, ct))
            .RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The anchors of a drain (?drain=) or of every chain, to keep outside the database")
            .Produces<AnchorExport>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<AuditReport>> VerifyAsync(string? drain, AnchorExport? anchors, AuditApplication app, CancellationToken ct) =>
        TypedResults.Ok(await app.VerifyAsync(drain, anchors, ct));

    private static async Task<Ok<AuditReport>> VerifyWithAnchorsAsync(HttpRequest request, string? drain, AuditApplication app, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        AnchorExport anchors;
        try
        {
            anchors = AnchorExport.Parse(await reader.ReadToEndAsync(ct), "the request body");
        }
        catch (ArgumentException ex)
        {
            throw new InvalidRequestException([new RequestProblem("anchors", ex.Message)]);
        }

        return await VerifyAsync(drain, anchors, app, ct);
    }

    private static async Task<Ok<AnchorExport>> AnchorsAsync(string? drain, AuditApplication app, CancellationToken ct) =>
        TypedResults.Ok(await app.AnchorsAsync(drain, ct));
}
