using System.Globalization;
using System.Net;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Errors;

/// <summary>Building the exception from what the server (or the network) gave.</summary>
public sealed partial class KubernetesApiException
{
    private const int MaxBodyInMessage = 512;

    /// <summary>Builds the exception from a Status body and the HTTP status it came with.</summary>
    public static KubernetesApiException FromStatus(Status status, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var code = statusCode ?? (status.Code is { } c ? (HttpStatusCode)c : null);
        var suggested = status.Details?.RetryAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var message = string.IsNullOrEmpty(status.Message) ? status.Reason ?? "Kubernetes API call failed" : status.Message;
        return new KubernetesApiException(code, status.Reason, Describe(code, status.Reason, message),
            retryAfter ?? suggested, status);
    }

    /// <summary>
    /// Builds the exception from a failed HTTP response: from its Status body when it has one, otherwise from the status
    /// line and the start of the body. The response content is read, not disposed.
    /// </summary>
    public static async Task<KubernetesApiException> FromResponseAsync(
        HttpResponseMessage response,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var retryAfter = ReadRetryAfter(response, timeProvider);
        var status = TryParseStatus(body);
        if (status is not null)
        {
            return FromStatus(status, response.StatusCode, retryAfter);
        }

        var text = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "..." : body;
        var message = string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no body" : text.Trim();
        return new KubernetesApiException(response.StatusCode, null, Describe(response.StatusCode, null, message), retryAfter);
    }

    /// <summary>Builds the exception for a call that got no response: a timeout or a transport failure. Verdict: back off.</summary>
    public static KubernetesApiException FromTransportFailure(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var what = cause is TimeoutException or TaskCanceledException ? "timed out" : "failed in transport";
        var notSent = IsBeforeSending(cause);
        var detail = notSent ? " (the request was not sent)" : "";
        return new KubernetesApiException(null, KubernetesReasons.Timeout, $"The Kubernetes API call {what}{detail}: {cause.Message}",
            verdict: RetryVerdict.BackOff, innerException: cause)
        {
            RequestNotSent = notSent,
        };
    }

    // Only failures before a connection exists prove the server never saw the request: once bytes may have left, a
    // reset or timeout says nothing about whether the server acted on them.
    private static bool IsBeforeSending(Exception cause)
        => cause is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };

    private static Status? TryParseStatus(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Describe(HttpStatusCode? code, string? reason, string message)
    {
        var prefix = code is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) : "no response";
        return reason is null ? $"Kubernetes API: {prefix}: {message}" : $"Kubernetes API: {prefix} {reason}: {message}";
    }
}
