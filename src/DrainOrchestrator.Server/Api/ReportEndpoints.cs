using System.Text;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Reports of a drain, a workflow instance and a period, in html, json, csv or table, streamed as they are written;
/// readable by every role (Viewer and up).
/// </summary>
internal static class ReportEndpoints
{
    private const string Formats = "format: html, json (default), csv or table; timeZone: an IANA id shown beside UTC (e.g. Europe/Berlin)";

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/drains/{id}/report", (string id, string? format, string? timeZone, HttpContext http, ReportApplication app, CancellationToken ct) =>
                ReportAsync(new ReportRequest(id, null, null, null, null, format ?? "json", timeZone), http, app, ct))
            .WithTags("Reports").RequireAuthorization(ApiPolicies.Read).WithName("drainReport")
            .WithSummary("The drain's report from the database; " + Formats)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/json", "text/csv", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workflows/{id}/report", (string id, string? format, string? timeZone, HttpContext http, ReportApplication app, CancellationToken ct) =>
                ReportAsync(new ReportRequest(null, id, null, null, null, format ?? "json", timeZone), http, app, ct))
            .WithTags("Reports").RequireAuthorization(ApiPolicies.Read).WithName("workflowReport")
            .WithSummary("The workflow instance's report with every drain it started; " + Formats)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/json", "text/csv", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports", (string? from, string? to, string? cluster, string? format, string? timeZone, HttpContext http, ReportApplication app,
                CancellationToken ct) => ReportAsync(new ReportRequest(null, null, from ?? string.Empty, to ?? string.Empty, cluster, format ?? "json", timeZone),
                    http, app, ct))
            .WithTags("Reports").RequireAuthorization(ApiPolicies.Read).WithName("periodReport")
            .WithSummary("Every wave finished in [from, to) (dates without an offset are read in timeZone), of one cluster or all, with totals "
                + "per node, namespace and outcome; " + Formats)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/json", "text/csv", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    // Read first, so that an unknown drain or a bad request is a problem response; then the body streams as it is written.
    private static async Task<IResult> ReportAsync(ReportRequest request, HttpContext http, ReportApplication app, CancellationToken ct)
    {
        var (subject, options) = request.Read(FrontDoor.Api);
        var document = await app.ReadAsync(subject, ct);
        var disposition = new ContentDispositionHeaderValue(options.Format == ReportFormat.Html ? "inline" : "attachment");
        disposition.SetHttpFileName(document.FileName(options.Format));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024);
            await ReportWriter.WriteAsync(document, options, writer, ct);
        }, options.Format.ContentType());
    }
}
