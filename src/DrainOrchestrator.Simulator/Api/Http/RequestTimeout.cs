using System.Globalization;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>
/// A request's <c>timeout</c> query parameter (a Go duration in whole units: <c>5s</c>, <c>1m</c>), as kube-apiserver
/// honours it for short requests: a request still waiting when it runs out is answered 504 Timeout and never served, so
/// a create received before its sender's deadline cannot be committed long after it. Watches use <c>timeoutSeconds</c>.
/// </summary>
internal static class RequestTimeout
{
    /// <summary>The request's timeout; null when absent or not a duration this parser knows (then nothing is bounded).</summary>
    public static TimeSpan? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["timeout"].ToString();
        if (text.Length < 2)
        {
            return null;
        }

        var unit = text[^1];
        if (!long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }

    /// <summary>
    /// Waits <paramref name="delay"/> (an injected fault's), unless the request's timeout runs out first: then it waits
    /// only that long and throws the 504 kube-apiserver answers, so the request is never served.
    /// </summary>
    public static async Task DelayAsync(HttpContext http, TimeSpan delay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Of(http.Request) is { } timeout && timeout < delay)
        {
            await Task.Delay(timeout, time, http.RequestAborted);
            throw new ApiStatusException(new ApiStatus(504, "Timeout",
                $"Timeout: request did not complete within the allotted timeout of {timeout.TotalSeconds}s"));
        }

        await Task.Delay(delay, time, http.RequestAborted);
    }
}
