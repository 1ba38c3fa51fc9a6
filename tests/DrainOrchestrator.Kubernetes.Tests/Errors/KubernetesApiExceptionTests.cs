using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Errors;

public sealed class KubernetesApiExceptionTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FromResponse_ConflictStatus_RereadAndRetry()
    {
        using var response = Json(HttpStatusCode.Conflict, """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on virtualmachineinstances.kubevirt.io \"db-01\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"db-01","group":"kubevirt.io","kind":"virtualmachineinstances"},"code":409}
            """);

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal("Conflict", ex.Reason);
        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
        Assert.True(ex.IsRetryable);
        Assert.True(ex.IsConflict);
        Assert.Contains("the object has been modified", ex.Message, StringComparison.Ordinal);
        Assert.Equal("db-01", ex.Status!.Details!.Name);
    }

    [Fact]
    public async Task FromResponse_AlreadyExists_PermanentSoTheCallerAdopts()
    {
        using var response = Json(HttpStatusCode.Conflict, """
            {"kind":"Status","apiVersion":"v1","status":"Failure","message":"virtualmachineinstancemigrations.kubevirt.io \"m\" already exists","reason":"AlreadyExists","code":409}
            """);

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.True(ex.IsAlreadyExists);
        Assert.False(ex.IsConflict);
    }

    [Fact]
    public async Task FromResponse_TooManyRequestsWithRetryAfter_BacksOffForThatLong()
    {
        using var response = Json(HttpStatusCode.TooManyRequests, """
            {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Too many requests, please try again later.","reason":"TooManyRequests","details":{"retryAfterSeconds":1},"code":429}
            """);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public async Task FromResponse_RetryAfterDate_MeasuredWithTheClock()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(30));

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    [Fact]
    public async Task FromResponse_ServerTimeoutStatus_UsesSuggestedDelay()
    {
        using var response = Json(HttpStatusCode.InternalServerError, """
            {"kind":"Status","apiVersion":"v1","status":"Failure","message":"The list operation against pods could not be completed at this time, please try again.","reason":"ServerTimeout","details":{"kind":"pods","retryAfterSeconds":2},"code":500}
            """);

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
    }

    [Fact]
    public async Task FromResponse_BareHtmlBadGateway_BacksOffWithStatusLine()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body>502 Bad Gateway</body></html>", Encoding.UTF8, "text/html"),
        };

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.Reason);
        Assert.Null(ex.Status);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponse_MalformedJson_FallsBackToBareResponse()
    {
        using var response = Json(HttpStatusCode.NotFound, "{\"kind\":\"Status\",");

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.True(ex.IsNotFound);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task FromResponse_AdmissionDenied_PermanentWithCauses()
    {
        using var response = Json((HttpStatusCode)422, Samples.Read("status.json"));

        var ex = await KubernetesApiException.FromResponseAsync(response, Time, CancellationToken.None);

        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.False(ex.IsRetryable);
        Assert.Equal("spec.vmiName", Assert.Single(ex.Status!.Details!.Causes!).Field);
        Assert.Contains("in-flight migration detected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStatus_ExpiredWatchError_Relist()
    {
        var status = new Status { Outcome = Status.Failure, Reason = "Expired", Message = "too old resource version: 1 (5)", Code = 410 };

        var ex = KubernetesApiException.FromStatus(status);

        Assert.Equal(HttpStatusCode.Gone, ex.StatusCode);
        Assert.Equal(RetryVerdict.Relist, ex.Verdict);
    }

    [Fact]
    public void FromTransportFailure_Timeout_BacksOffWithoutStatus()
    {
        var ex = KubernetesApiException.FromTransportFailure(new TimeoutException("The operation timed out."));

        Assert.Null(ex.StatusCode);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    private static HttpResponseMessage Json(HttpStatusCode code, string body)
        => new(code) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
