using System.Net;
using System.Net.Sockets;
using System.Text;
using DrainOrchestrator.Engine.Learning;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.Learning;

/// <summary>
/// The Prometheus reader against a stand-in endpoint (the end-to-end test reads drain-sim's real one): parsing, errors
/// that name the URL and say whether a retry helps, and its timeout on the injected clock.
/// </summary>
public sealed class PrometheusReaderTests
{
    private const string Url = "http://prometheus.test:9090";

    private static PrometheusReader Reader(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer,
        TimeProvider? time = null, TimeSpan? timeout = null) =>
        new(new PrometheusOptions { Url = Url, Timeout = timeout ?? TimeSpan.FromSeconds(10) }, time ?? TimeProvider.System, new Handler(answer));

    private static Task<HttpResponseMessage> Json(HttpStatusCode status, string json) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private const string Vector = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"kubevirt_vmi_dirty_rate_bytes_per_second","namespace":"db","name":"pg-1","node":"w1"},"value":[1700000000.1,"52428800"]},
          {"metric":{"__name__":"kubevirt_vmi_dirty_rate_bytes_per_second","namespace":"db","name":"pg-1","node":"w2"},"value":[1700000000.1,"1048576"]},
          {"metric":{"__name__":"kubevirt_vmi_dirty_rate_bytes_per_second","namespace":"web","name":"w-1","node":"w1"},"value":[1700000000.1,"1.5e6"]},
          {"metric":{"__name__":"kubevirt_vmi_dirty_rate_bytes_per_second","namespace":"web","name":"nan","node":"w1"},"value":[1700000000.1,"NaN"]},
          {"metric":{"__name__":"kubevirt_vmi_dirty_rate_bytes_per_second","name":"no-namespace"},"value":[1700000000.1,"5"]}
        ]}}
        """;

    [Fact]
    public async Task DirtyRates_Vector_ByNamespaceAndNameHighestSeriesWinsUnusableLeftOut()
    {
        Uri? asked = null;
        using var reader = Reader((request, _) =>
        {
            asked = request.RequestUri;
            return Json(HttpStatusCode.OK, Vector);
        });

        var rates = await reader.DirtyRatesAsync(CancellationToken.None);

        Assert.Equal("/api/v1/query", asked!.AbsolutePath);
        Assert.Contains("query=kubevirt_vmi_dirty_rate_bytes_per_second", asked.Query, StringComparison.Ordinal);
        Assert.Equal(2, rates.Count);
        Assert.Equal(52428800, rates[("db", "pg-1")]);
        Assert.Equal(1_500_000, rates[("web", "w-1")]);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, """{"status":"error","errorType":"unavailable","error":"storage down"}""", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "slow down", true)]
    [InlineData(HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"parse error"}""", false)]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", false)]
    [InlineData(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"matrix","result":[]}}""", false)]
    [InlineData(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}""", false)]
    [InlineData(HttpStatusCode.OK, "<html>not prometheus</html>", false)]
    public async Task Query_BadAnswer_NamesTheUrlAndWhetherARetryHelps(HttpStatusCode status, string body, bool retryable)
    {
        using var reader = Reader((_, _) => Json(status, body));

        var ex = await Assert.ThrowsAsync<PrometheusQueryException>(() => reader.DirtyRatesAsync(CancellationToken.None));

        Assert.Equal(retryable, ex.IsRetryable);
        Assert.Contains("http://prometheus.test:9090/api/v1/query", ex.Message, StringComparison.Ordinal);
        Assert.Contains(retryable ? "a retry may succeed" : "a retry will not help", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_NobodyListens_RetryableAndNamesTheUrl()
    {
        // A port that was free a moment ago: connection refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var reader = new PrometheusReader(new PrometheusOptions { Url = $"http://127.0.0.1:{port}" }, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<PrometheusQueryException>(() => reader.DirtyRatesAsync(CancellationToken.None));

        Assert.True(ex.IsRetryable);
        Assert.Contains($"cannot reach Prometheus at http://127.0.0.1:{port}/api/v1/query", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_NoAnswerWithinTimeout_RetryableTimeoutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var sent = new TaskCompletionSource();
        using var reader = Reader(async (_, ct) =>
        {
            sent.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }, time, TimeSpan.FromSeconds(5));

        var query = reader.DirtyRatesAsync(CancellationToken.None);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<PrometheusQueryException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(ex.IsRetryable);
        Assert.Contains("did not answer within 5 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_CallerCancels_CancellationNotAFailure()
    {
        var sent = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        using var reader = Reader(async (_, ct) =>
        {
            sent.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

        var query = reader.DirtyRatesAsync(cancel.Token);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task DirtyRates_TokenFromTheEnvironment_SentAsTheBearer()
    {
        string? authorization = null;
        using var reader = new PrometheusReader(new PrometheusOptions { Url = Url, Token = "s3cret" }, TimeProvider.System, new Handler((request, _) =>
        {
            authorization = request.Headers.Authorization?.ToString();
            return Json(HttpStatusCode.OK, Vector);
        }));

        await reader.DirtyRatesAsync(CancellationToken.None);

        Assert.Equal("Bearer s3cret", authorization);
    }

    [Fact]
    public void ToString_ATokenFromTheEnvironment_NeverPrinted() =>
        Assert.DoesNotContain("s3cret", new PrometheusOptions { Url = Url, Token = "s3cret" }.ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("", "DRAIN_PROMETHEUS_TOKEN is empty")]
    [InlineData("two words", "DRAIN_PROMETHEUS_TOKEN is empty or holds spaces")]
    public void Options_AnUnusableTokenFromTheEnvironment_Named(string token, string expected) =>
        Assert.Contains(new PrometheusOptions { Url = Url, Token = token }.Problems(), p => p.StartsWith(expected, StringComparison.Ordinal));

    [Fact]
    public async Task Options_ATokenFileAndATokenFromTheEnvironment_RefusedAsTwoSources()
    {
        var file = Path.Combine(Path.GetTempPath(), $"token-{Guid.NewGuid():N}");
        await DrainOrchestrator.Persistence.Secrets.PrivateFile.WriteAsync(file, "t", CancellationToken.None);
        try
        {
            Assert.Equal(["--prometheus-token-file and DRAIN_PROMETHEUS_TOKEN both give the Prometheus token: keep one"],
                new PrometheusOptions { Url = Url, TokenFile = file, Token = "t" }.Problems());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Options_EveryProblemAtOnce()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}");
        var options = new PrometheusOptions { Url = "ftp://x?y=1", TokenFile = missing, CaFile = missing, Timeout = TimeSpan.Zero };

        var problems = options.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--prometheus-url:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--prometheus-token-file:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--prometheus-ca-file:", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new PrometheusReader(options, TimeProvider.System));
    }

    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(request, cancellationToken);
    }
}
