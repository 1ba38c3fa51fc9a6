using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// A typed client for the kinds in <see cref="KubernetesResources"/>: get, list, create, update, patch, delete and watch.
/// Every failure is a <see cref="KubernetesApiException"/> whose verdict says whether to retry; this class itself does
/// not retry. Thread-safe.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client over an HTTP client whose base address is the API server.</summary>
    public KubernetesClient(HttpClient http, TimeProvider timeProvider, bool disposeHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _http = http;
        _timeProvider = timeProvider;
        _ownsHttp = disposeHttpClient;
    }

    /// <summary>Creates a client, and its HTTP stack, for resolved connection settings.</summary>
    public static KubernetesClient Create(KubernetesConnectionSettings settings, TimeProvider? timeProvider = null)
        => new(KubernetesHttpClientFactory.CreateHttpClient(settings), timeProvider ?? TimeProvider.System, disposeHttpClient: true);

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

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw KubernetesApiException.FromTransportFailure(ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw KubernetesApiException.FromTransportFailure(ex);
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

    private async Task<TValue> SendForObjectAsync<TValue>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
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
    }

    private static KubernetesApiException Malformed(HttpResponseMessage response, JsonException? cause)
        => new(response.StatusCode, null,
            $"Kubernetes API: {(int)response.StatusCode}: the response body is not the expected JSON{(cause is null ? "" : $" ({cause.Message})")}",
            verdict: RetryVerdict.BackOff, innerException: cause);

    private static ByteArrayContent JsonBody<TValue>(TValue value, string mediaType = "application/json")
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Info<TValue>());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }
}
