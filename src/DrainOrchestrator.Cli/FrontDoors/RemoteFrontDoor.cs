using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Persistence.Journal;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// drainctl through a server's API (<c>/api/v1</c>): the same requests and answers as embedded, in the same types; a
/// drain is run by the server and followed here through its events.
/// </summary>
internal sealed partial class RemoteFrontDoor : IDrainFrontDoor
{
    /// <summary>The request header that asks the server to word problems as drainctl's options.</summary>
    public const string TermsHeader = "X-Drain-Terms";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;

    public RemoteFrontDoor(RemoteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(new ServerCertificateCheck(options.Server, options.CaFile))
        {
            BaseAddress = new Uri(options.Server.ToString().TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.Token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        _http.DefaultRequestHeaders.Add(TermsHeader, "command-line");
    }

    public Task<PlanView> PlanAsync(DrainSpec spec, CancellationToken cancellationToken) =>
        SendAsync<PlanView>(HttpMethod.Post, "api/v1/plans", Body(spec), cancellationToken);

    public async Task<StartedDrain> StartAsync(DrainSpec spec, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(Request(HttpMethod.Post, "api/v1/drains", Body(spec)), cancellationToken);
        var drain = await ReadAsync<DrainView>(response, cancellationToken);
        // 202: a new drain, accepted for running; 200: one that existed (the same nodes' unfinished drain, or the same key's).
        return new StartedDrain(drain, response.StatusCode != HttpStatusCode.Accepted);
    }

    public async Task<StartedDrain> MoveBackAsync(string drainIdOrName, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(
            Request(HttpMethod.Post, $"api/v1/drains/{Uri.EscapeDataString(drainIdOrName)}/moveback", null), cancellationToken);
        var moveBack = await ReadAsync<DrainView>(response, cancellationToken);
        // 202: a new move-back, accepted for running; 200: the drain's unfinished one.
        return new StartedDrain(moveBack, response.StatusCode != HttpStatusCode.Accepted);
    }

    public Task<DrainView> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        SendAsync<DrainView>(HttpMethod.Get, $"api/v1/drains/{Uri.EscapeDataString(idOrName)}", null, cancellationToken);

    public async Task<IReadOnlyList<DrainView>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        var all = new List<DrainView>();
        string? after = null;
        do
        {
            var page = await SendAsync<DrainPage>(HttpMethod.Get,
                "api/v1/drains?active=true&limit=500" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)), null, cancellationToken);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }

    public async Task<SignalOutcome> SignalAsync(string idOrName, DrainSignal signal, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(
            Request(HttpMethod.Post, $"api/v1/drains/{Uri.EscapeDataString(idOrName)}/{signal.ToString().ToLowerInvariant()}", null), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return await ReadAsync<SignalOutcome>(response, cancellationToken);
        }

        // 409: the drain's state refuses the signal; the problem carries the reason and the drain, as embedded mode reports them.
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var drain = problem?["drain"].Deserialize<DrainView>(Json)
            ?? throw new RemoteApiException("the server refused the signal without naming the drain", 409, retryable: false);
        return new SignalOutcome(false, problem?["detail"]?.GetValue<string>() ?? "refused", drain);
    }

    public async Task WriteReportAsync(ReportSubject subject, ReportOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var query = $"format={options.Format.Word()}&timeZone={Uri.EscapeDataString(options.TimeZone.Id)}";
        var path = subject switch
        {
            ReportSubject.Drain d => $"api/v1/drains/{Uri.EscapeDataString(d.IdOrName)}/report?{query}",
            ReportSubject.Workflow w => $"api/v1/workflows/{Uri.EscapeDataString(w.IdOrName)}/report?{query}",
            ReportSubject.Period { Range: var p } => $"api/v1/reports?{query}&from={Uri.EscapeDataString(p.From.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))}"
                + $"&to={Uri.EscapeDataString(p.To.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))}"
                + (p.Cluster is null ? string.Empty : "&cluster=" + Uri.EscapeDataString(p.Cluster)),
            _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "a report covers a drain, a workflow instance or a period"),
        };

        // Streamed from the server to the output as it arrives: a report of 100,000 migrations is never held whole.
        using var response = await _http.SendAsync(Request(HttpMethod.Get, path, null), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        var buffer = new char[32 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    public Task<AuditReport> VerifyLedgerAsync(string? idOrName, AnchorExport? anchors, CancellationToken cancellationToken)
    {
        var query = idOrName is null ? string.Empty : "?drain=" + Uri.EscapeDataString(idOrName);
        return anchors is null
            ? SendAsync<AuditReport>(HttpMethod.Get, idOrName is null ? "api/v1/audit" : $"api/v1/drains/{Uri.EscapeDataString(idOrName)}/audit", null, cancellationToken)
            : SendAsync<AuditReport>(HttpMethod.Post, "api/v1/audit/verify" + query, JsonSerializer.SerializeToNode(anchors, Json)!.AsObject(), cancellationToken);
    }

    public Task<AnchorExport> AnchorsAsync(string? idOrName, CancellationToken cancellationToken) =>
        SendAsync<AnchorExport>(HttpMethod.Get, "api/v1/audit/anchors" + (idOrName is null ? string.Empty : "?drain=" + Uri.EscapeDataString(idOrName)),
            null, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JsonObject Body(DrainSpec spec)
    {
        var body = new JsonObject
        {
            ["nodes"] = new JsonArray([.. spec.Nodes.Select(n => JsonValue.Create(n))]),
            ["policy"] = JsonNode.Parse(PolicyDocument.Write(spec.Policy)),
            ["avoidTargets"] = new JsonArray([.. spec.AvoidTargets.Select(n => JsonValue.Create(n))]),
            ["preferTargets"] = new JsonArray([.. spec.PreferTargets.Select(n => JsonValue.Create(n))]),
        };
        if (spec.Window is { } w)
        {
            var window = new JsonObject();
            if (w.End is { } end)
            {
                window["end"] = end.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (w.Schedule is { } schedule)
            {
                window["cron"] = schedule.Cron;
                window["timeZone"] = schedule.TimeZone;
                window["durationSeconds"] = schedule.Duration.TotalSeconds;
            }

            body["window"] = window;
        }

        return body;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body) => new(method, new Uri(path, UriKind.Relative))
    {
        Content = body is null ? null : JsonContent.Create(body, options: Json),
    };

    private async Task<T> SendAsync<T>(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(Request(method, path, body), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new RemoteApiException($"the server answered {(int)response.StatusCode} without a body", (int)response.StatusCode, retryable: true);
    }

    // Problem details (RFC 9457): 400 (and a state's 409) lists every problem, 404 names the drain; anything else says whether to retry.
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? problem = null;
        try
        {
            problem = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        var detail = problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>() ?? text;
        var status = (int)response.StatusCode;
        // 422: a workflow file's problems, each message at its file:line:column, in the same shape.
        // 409 with errors: the state of what the request acts on refuses it now, as embedded mode's RequestConflictException.
        if (status is 400 or 409 or 422 && problem?["errors"] is JsonArray errors)
        {
            var problems = errors.Select(e => new RequestProblem(
                e?["field"]?.GetValue<string>() ?? string.Empty, e?["message"]?.GetValue<string>() ?? string.Empty)).ToList();
            throw status == 409 ? new RequestConflictException(problems) : new InvalidRequestException(problems);
        }

        throw status switch
        {
            404 => new DrainNotFoundException(detail, new RemoteApiException(detail, status, retryable: false)),
            400 or 422 => new InvalidRequestException(detail),
            _ => new RemoteApiException($"the server answered {status} {response.ReasonPhrase}: {detail}", status,
                retryable: status is 408 or 429 or >= 500),
        };
    }
}
