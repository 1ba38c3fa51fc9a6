using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Workflows.Definitions;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>The API's RFC 9457 problem documents: a stable <c>type</c>, and extensions a client can act on.</summary>
internal static class ApiProblems
{
    public const string TypeBase = "https://drain-orchestrator.io/problems/";

    /// <summary>400: every problem of the request at once, in <c>errors</c>; nothing was started.</summary>
    public static IResult Invalid(IReadOnlyList<RequestProblem> problems) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        type: TypeBase + "invalid-request",
        title: "The request is invalid; nothing was started",
        detail: string.Join("; ", problems.Select(p => p.Message)),
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = problems.Select(p => new ApiError(p.Field, p.Message)).ToList(),
            ["retryable"] = false,
        });

    /// <summary>409: the request is valid but the state of what it acts on refuses it now; <c>errors</c> say what has to happen first.</summary>
    public static IResult StateConflict(IReadOnlyList<RequestProblem> problems) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        type: TypeBase + "state-conflict",
        title: "The current state does not allow this yet; nothing was started",
        detail: string.Join("; ", problems.Select(p => p.Message)),
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = problems.Select(p => new ApiError(p.Field, p.Message)).ToList(),
            ["retryable"] = true,
        });

    /// <summary>422: the workflow file has problems, each at its file:line:column in <c>errors</c>; nothing was started.</summary>
    public static IResult InvalidWorkflow(IReadOnlyList<WorkflowProblem> problems) => Results.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        type: TypeBase + "invalid-workflow",
        title: "The workflow file is invalid; nothing was started",
        detail: string.Join("; ", problems.Select(p => p.ToString())),
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = problems.Select(p => new WorkflowApiError(p.Path, p.ToString(), p.Position.File, p.Position.Line, p.Position.Column)).ToList(),
            ["retryable"] = false,
        });

    /// <summary>404: nothing by that id or name (the detail says what was looked for).</summary>
    public static IResult NotFound(string detail) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, type: TypeBase + "not-found", title: "Not found", detail: detail,
        extensions: new Dictionary<string, object?> { ["retryable"] = false });

    /// <summary>409: the signal was refused in the drain's state.</summary>
    public static IResult Conflict(string detail, object drain) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, type: TypeBase + "conflict", title: "The drain's state does not allow this", detail: detail,
        extensions: new Dictionary<string, object?> { ["drain"] = drain, ["retryable"] = false });

    /// <summary>409: the signal was refused in the workflow instance's state; <c>instance</c> shows it.</summary>
    public static IResult Conflict(string detail, object instance, string title) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, type: TypeBase + "conflict", title: title, detail: detail,
        extensions: new Dictionary<string, object?> { ["instance"] = instance, ["retryable"] = false });

    /// <summary>503: a dependency is unavailable; <c>retryable</c> says whether the same call may succeed later.</summary>
    public static IResult Unavailable(string detail, bool retryable) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, type: TypeBase + "unavailable",
        title: retryable ? "A dependency is unavailable; try again later" : "A dependency is unusable as configured",
        detail: detail, extensions: new Dictionary<string, object?> { ["retryable"] = retryable });

    /// <summary>401: no credentials, or ones the server does not know; the detail says which and what to send.</summary>
    public static IResult Unauthenticated(string detail) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized, type: TypeBase + "unauthenticated", title: "Authentication required", detail: detail,
        extensions: new Dictionary<string, object?> { ["retryable"] = false });

    /// <summary>403: the caller is known but its role may not do this.</summary>
    public static IResult Forbidden(string detail) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: TypeBase + "forbidden", title: "Forbidden", detail: detail,
        extensions: new Dictionary<string, object?> { ["retryable"] = false });

    /// <summary>413: the body is larger than the server takes; retrying the same body cannot succeed.</summary>
    public static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, type: TypeBase + "request-too-large", title: "The request body is too large",
        detail: string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the body is larger than {limit} bytes, the most this server takes: send a smaller body, or start the server with a larger --max-request-body-bytes"),
        extensions: new Dictionary<string, object?> { ["retryable"] = false, ["limit"] = limit });

    /// <summary>429: this caller sent more requests than its rate allows; the same call succeeds after Retry-After.</summary>
    public static IResult RateLimited(Limits.ApiLimitOptions limits, int retryAfterSeconds) => Results.Problem(
        statusCode: StatusCodes.Status429TooManyRequests, type: TypeBase + "rate-limited", title: "Too many requests",
        detail: string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"this caller exceeded {limits.RequestsPerSecond} requests per second (bursts of {limits.Burst}): try again in {retryAfterSeconds} s, or ask for a larger --rate-limit-per-second"),
        extensions: new Dictionary<string, object?> { ["retryable"] = true, ["retryAfterSeconds"] = retryAfterSeconds });
}
