using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Logging;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// A typed client for the kinds in <see cref="KubernetesResources"/>: get, list (paged or streamed), create, update,
/// patch, delete, watch and list-then-watch. Back-off failures are retried as <see cref="KubernetesClientOptions.Retry"/>
/// says (creates and JSON patches only when the server provably did not act); every failure that remains is a
/// <see cref="KubernetesApiException"/> whose verdict says whether the caller can still succeed. Thread-safe.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly RetryPipeline _retry;

    /// <summary>Creates a client over an HTTP client whose base address is the API server.</summary>
    public KubernetesClient(HttpClient http, TimeProvider timeProvider, bool disposeHttpClient = false)
        : this(http, timeProvider, new KubernetesClientOptions(), disposeHttpClient)
    {
    }

    /// <summary>Creates a client over an HTTP client whose base address is the API server, with retry and logging options.</summary>
    public KubernetesClient(HttpClient http, TimeProvider timeProvider, KubernetesClientOptions options, bool disposeHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _timeProvider = timeProvider;
        _ownsHttp = disposeHttpClient;
        LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<KubernetesClient>();
        _retry = new RetryPipeline(options.Retry, timeProvider, _logger);
    }

    /// <summary>The clock every wait of this client (and of informers built on it) goes through.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>The logger factory of this client, shared with informers built on it.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Creates a client, and its HTTP stack, for resolved connection settings.</summary>
    public static KubernetesClient Create(KubernetesConnectionSettings settings, TimeProvider? timeProvider = null,
        KubernetesClientOptions? options = null)
        => new(KubernetesHttpClientFactory.CreateHttpClient(settings), timeProvider ?? TimeProvider.System,
            options ?? new KubernetesClientOptions(), disposeHttpClient: true);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static JsonTypeInfo<TValue> Info<TValue>()
        => KubernetesJsonContext.Default.GetTypeInfo(typeof(TValue)) as JsonTypeInfo<TValue>
           ?? throw new NotSupportedException($"{typeof(TValue).Name} is not registered in {nameof(KubernetesJsonContext)}.");

    /// <summary>Sends one request once: logs it, turns transport failures and error statuses into exceptions.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var method = request.Method.Method;
        var path = request.RequestUri?.OriginalString ?? "";
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var failure = KubernetesApiException.FromTransportFailure(ex);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
                KubernetesLog.RequestFailed(_logger, method, path, elapsed, failure.Message);
            }

            throw failure;
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            KubernetesLog.RequestCompleted(_logger, method, path, (int)response.StatusCode, elapsed);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await KubernetesApiException.FromResponseAsync(response, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request made fresh for each attempt, with retries, and decodes the response body.</summary>
    private Task<TValue> SendForObjectAsync<TValue>(HttpMethod method, string path, RequestSafety safety,
        Func<HttpContent?>? content, CancellationToken cancellationToken)
        => _retry.ExecuteAsync(method, path, safety, async (state, ct) =>
        {
            using var request = new HttpRequestMessage(state.method, state.path) { Content = state.content?.Invoke() };
            using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            return await ReadObjectAsync<TValue>(response, ct).ConfigureAwait(false);
        }, (method, path, content), cancellationToken);

    /// <summary>Sends a request made fresh for each attempt, with retries, and returns the successful response.</summary>
    private Task<HttpResponseMessage> SendWithRetryAsync(HttpMethod method, string path, RequestSafety safety,
        Func<HttpContent?>? content, CancellationToken cancellationToken)
        => _retry.ExecuteAsync(method, path, safety, async (state, ct) =>
        {
            using var request = new HttpRequestMessage(state.method, state.path) { Content = state.content?.Invoke() };
            return await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }, (method, path, content), cancellationToken);

    /// <summary>Sends a bodiless request once, without retries, and returns the successful response.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        return await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TValue> ReadObjectAsync<TValue>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, Info<TValue>(), cancellationToken).ConfigureAwait(false)
                    ?? throw Malformed(response, null);
            }
            catch (JsonException ex)
            {
                throw Malformed(response, ex);
            }
            catch (IOException ex)
            {
                throw KubernetesApiException.FromTransportFailure(ex);
            }
        }
    }

    private static KubernetesApiException Malformed(HttpResponseMessage response, JsonException? cause)
        => new(response.StatusCode, null,
            $"Kubernetes API: {(int)response.StatusCode}: the response body is not the expected JSON{(cause is null ? "" : $" ({cause.Message})")}",
            verdict: RetryVerdict.BackOff, innerException: cause);

    private static Func<HttpContent?> JsonBody<TValue>(TValue value, string mediaType = "application/json")
    {
        // Serialized once; each attempt gets its own content over the same bytes.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Info<TValue>());
        return () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return content;
        };
    }
}
