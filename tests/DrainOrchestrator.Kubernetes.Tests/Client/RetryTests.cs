using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class RetryTests
{
    private const string NodeBody = """{"kind":"Node","apiVersion":"v1","metadata":{"name":"n","resourceVersion":"7"}}""";
    private const string Throttled = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"TooManyRequests","code":429}""";
    private const string InternalError = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"InternalError","code":500}""";

    private static readonly KubernetesClientOptions Retrying = new()
    {
        Retry = new KubernetesRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) },
    };

    [Fact]
    public async Task GetAsync_ServerErrorThenSuccess_RetriesAfterABackoffOnTheInjectedClock()
    {
        await using var fixture = new ClientFixture(FailFirst(500, InternalError), Retrying);
        var token = TestTimeout.Token;

        var get = fixture.Client.GetAsync<Node>(null, "n", token);
        var delay = await fixture.Time.AdvanceToNextTimerAsync(token);

        var node = await get;
        Assert.Equal("n", node.Metadata.Name);
        Assert.Equal(2, fixture.Server.RequestCount);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task GetAsync_TooManyRequestsWithRetryAfter_WaitsExactlyRetryAfter()
    {
        await using var fixture = new ClientFixture(FailFirst(429, Throttled, ("Retry-After", "3")), Retrying);
        var token = TestTimeout.Token;

        var get = fixture.Client.GetAsync<Node>(null, "n", token);
        var delay = await fixture.Time.NextTimerAsync(TimeSpan.FromMinutes(1), token);
        Assert.Equal(TimeSpan.FromSeconds(3), delay);
        Assert.False(get.IsCompleted);
        Assert.Equal(1, fixture.Server.RequestCount);
        fixture.Time.Advance(delay);

        Assert.Equal("n", (await get).Metadata.Name);
        Assert.Equal(2, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_AlwaysUnavailable_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(503, "overloaded"), Retrying);
        var token = TestTimeout.Token;

        var get = fixture.Client.GetAsync<Node>(null, "n", token);
        await fixture.Time.AdvanceToNextTimerAsync(token);
        await fixture.Time.AdvanceToNextTimerAsync(token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => get);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(3, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_RetryAfterBeyondTheBudget_FailsAtOnceWithTheRequestedWait()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(429, Throttled, ("Retry-After", "120")), Retrying);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.GetAsync<Node>(null, "n", TestTimeout.Token));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal(1, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task GetAsync_CancelledDuringBackoff_StopsWaiting()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(500, InternalError), Retrying);
        using var cancel = new CancellationTokenSource();

        var get = fixture.Client.GetAsync<Node>(null, "n", cancel.Token);
        await fixture.Time.NextTimerAsync(TimeSpan.FromMinutes(1), TestTimeout.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        Assert.Equal(1, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task CreateAsync_Unprocessable422_IsNotRetried()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(422,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","message":"spec.vmiName: Required value","code":422}"""), Retrying);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.CreateAsync(Migration(), TestTimeout.Token));

        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.Equal(1, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsNotRetriedBecauseTheServerMayHaveActed()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(500, InternalError), Retrying);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.CreateAsync(Migration(), TestTimeout.Token));

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(1, fixture.Server.RequestCount);
    }

    [Fact]
    public async Task CreateAsync_Throttled_IsRetriedBecauseAdmissionRefusedIt()
    {
        await using var fixture = new ClientFixture(FailFirst(429, Throttled, ("Retry-After", "1"),
            body: """{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"name":"m1","namespace":"tenant-a"}}"""), Retrying);
        var token = TestTimeout.Token;

        var create = fixture.Client.CreateAsync(Migration(), token);
        Assert.Equal(TimeSpan.FromSeconds(1), await fixture.Time.AdvanceToNextTimerAsync(token));

        Assert.Equal("m1", (await create).Metadata.Name);
        Assert.Equal(["POST", "POST"], fixture.Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task CreateAsync_ConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        var time = new RecordingTimeProvider();
        var attempts = 0;
        using var handler = new StubHandler(_ => ++attempts == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""{"kind":"VirtualMachineInstanceMigration","metadata":{"name":"m1","namespace":"tenant-a"}}"""),
            });
        using var client = new KubernetesClient(new HttpClient(handler) { BaseAddress = new Uri("https://api.test") }, time, Retrying,
            disposeHttpClient: true);
        var token = TestTimeout.Token;

        var create = client.CreateAsync(Migration(), token);
        await time.AdvanceToNextTimerAsync(token);

        Assert.Equal("m1", (await create).Metadata.Name);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task CreateOrAdoptAsync_TimeoutThenAlreadyExists_AdoptsTheExistingObject()
    {
        var posts = 0;
        await using var fixture = new ClientFixture((request, exchange) => request.Method switch
        {
            "POST" when ++posts == 1 => exchange.RespondAsync(504,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Timeout","code":504}"""),
            "POST" => exchange.RespondAsync(409,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409}"""),
            _ => exchange.RespondAsync(200,
                """{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"name":"m1","namespace":"tenant-a","uid":"u-1"},"spec":{"vmiName":"db-01"},"status":{"phase":"Running"}}"""),
        }, Retrying);
        var token = TestTimeout.Token;

        var create = fixture.Client.CreateOrAdoptAsync(Migration(), token);
        await fixture.Time.AdvanceToNextTimerAsync(token);
        var result = await create;

        Assert.True(result.Adopted);
        Assert.Equal("u-1", result.Object.Metadata.Uid);
        Assert.Equal(["POST", "POST", "GET"], fixture.Server.Requests.Select(r => r.Method));
        Assert.Equal("/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachineinstancemigrations/m1", fixture.Server.Requests[2].Target);
    }

    [Fact]
    public async Task CreateOnceAsync_AlreadyExistsThenGone_SaysVanishedAndNeverPostsAgain()
    {
        // The first POST committed but its answer was lost; the VMIM finished and was garbage-collected before the read.
        await using var fixture = new ClientFixture((request, exchange) => request.Method switch
        {
            "POST" => exchange.RespondAsync(409,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409}"""),
            _ => exchange.RespondAsync(404,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}"""),
        }, Retrying);

        var result = await fixture.Client.CreateOnceAsync(Migration(), TimeSpan.FromSeconds(2.5), TestTimeout.Token);

        Assert.Equal(CreateOutcome.Vanished, result.Outcome);
        Assert.Equal(["POST", "GET"], fixture.Server.Requests.Select(r => r.Method));
        Assert.EndsWith("/virtualmachineinstancemigrations?timeout=3s", fixture.Server.Requests[0].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrAdoptAsync_Free_CreatesAndSaysSo()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(201,
            """{"kind":"VirtualMachineInstanceMigration","apiVersion":"kubevirt.io/v1","metadata":{"name":"m1","namespace":"tenant-a","uid":"u-2"}}"""), Retrying);

        var result = await fixture.Client.CreateOrAdoptAsync(Migration(), TestTimeout.Token);

        Assert.False(result.Adopted);
        Assert.Equal("u-2", result.Object.Metadata.Uid);
    }

    [Fact]
    public void RetryOptions_OutOfRange_ReportsEveryProblem()
    {
        var options = new KubernetesRetryOptions { MaxAttempts = 0, BaseDelay = TimeSpan.Zero, MaxTotalTime = TimeSpan.Zero };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("MaxAttempts must be at least 1, was 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BaseDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTotalTime", ex.Message, StringComparison.Ordinal);
    }

    private static VirtualMachineInstanceMigration Migration() => new()
    {
        Metadata = new ObjectMeta { Name = "m1", Namespace = "tenant-a" },
        Spec = new VirtualMachineInstanceMigrationSpec { VmiName = "db-01" },
    };

    // Answers the first request with the failure and every later one with the body.
    private static Func<FakeRequest, FakeExchange, Task> FailFirst(int status, string failure,
        (string Name, string Value)? header = null, string body = NodeBody)
    {
        var seen = 0;
        return (_, exchange) => Interlocked.Increment(ref seen) == 1
            ? exchange.RespondAsync(status, failure, header is { } h ? [h] : [])
            : exchange.RespondAsync(200, body);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(respond(request));
    }
}
