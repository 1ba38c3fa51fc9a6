using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Reads instant vectors from a Prometheus HTTP API (<c>GET /api/v1/query?query=…</c>). Each query is bounded by
/// <see cref="PrometheusOptions.Timeout"/> on the injected clock and by the caller's token; every failure is a
/// <see cref="PrometheusQueryException"/> naming the URL and whether a retry can help.
/// </summary>
public sealed class PrometheusReader : IDisposable
{
    private readonly HttpClient _http;
    private readonly PrometheusOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly X509Certificate2Collection? _authorities;

    /// <summary>Creates the reader; throws <see cref="ArgumentException"/> naming every problem of <paramref name="options"/>.</summary>
    public PrometheusReader(PrometheusOptions options, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        if (options.CaFile is not null)
        {
            _authorities = [];
            _authorities.ImportFromPemFile(options.CaFile);
        }

        if (handler is null)
        {
            var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            if (_authorities is not null)
            {
                sockets.SslOptions.RemoteCertificateValidationCallback = ValidateAgainstCa;
            }

            handler = sockets;
        }

        // The timeout is ours, on the injected clock: HttpClient's own would read the wall clock.
        _http = new HttpClient(handler) { BaseAddress = options.BaseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The configured base URL.</summary>
    public Uri BaseUri => _options.BaseUri;

    /// <summary>The instant vector <paramref name="query"/> evaluates to now.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        var url = new Uri(_options.BaseUri, "api/v1/query?query=" + Uri.EscapeDataString(query));
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            // The file is read at each query: a rotated token is used as soon as it is written.
            var token = _options.TokenFile is not null ? (await File.ReadAllTextAsync(_options.TokenFile, linked.Token)).Trim() : _options.Token;
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var document = await ReadJsonAsync(body, url, response.StatusCode, linked.Token);
            return PrometheusVector.Parse(document, url, response.StatusCode);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException(
                $"Prometheus at {url} did not answer within {_options.Timeout.TotalSeconds:0.###} s; a retry may succeed once it is less busy",
                url, isRetryable: true);
        }
        catch (HttpRequestException ex)
        {
            throw new PrometheusQueryException(
                $"cannot reach Prometheus at {url}: {ex.Message}; check the URL (and its CA), a retry may succeed once it is reachable",
                url, isRetryable: true, ex);
        }
    }

    /// <summary>
    /// Every running guest's dirty rate (<c>kubevirt_vmi_dirty_rate_bytes_per_second</c>, labels <c>namespace</c> and
    /// <c>name</c>), in bytes per second; a guest with several series (two virt-handlers during a migration) takes the
    /// highest, and negative or non-finite values are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Namespace, string Name), long>> DirtyRatesAsync(CancellationToken cancellationToken)
    {
        var rates = new Dictionary<(string, string), long>();
        foreach (var sample in await QueryAsync(DirtyRateMetric, cancellationToken))
        {
            if (!sample.Labels.TryGetValue("namespace", out var ns) || !sample.Labels.TryGetValue("name", out var name)
                || !double.IsFinite(sample.Value) || sample.Value < 0)
            {
                continue;
            }

            var value = (long)Math.Min(Math.Round(sample.Value), long.MaxValue / 2);
            rates[(ns, name)] = rates.TryGetValue((ns, name), out var seen) ? Math.Max(seen, value) : value;
        }

        return rates;
    }

    /// <summary>KubeVirt's (≥ 1.6) per-guest dirty rate gauge, exported by virt-handler.</summary>
    public const string DirtyRateMetric = "kubevirt_vmi_dirty_rate_bytes_per_second";

    public void Dispose() => _http.Dispose();

    private static async Task<JsonDocument> ReadJsonAsync(Stream body, Uri url, HttpStatusCode status, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            var retryable = PrometheusVector.IsRetryable(status);
            throw new PrometheusQueryException(
                $"Prometheus at {url} answered {(int)status} {status} without a JSON document ({ex.Message}); "
                + (retryable ? "a retry may succeed" : "check that the URL points at the Prometheus HTTP API; a retry will not help"),
                url, retryable, ex);
        }
    }

    private bool ValidateAgainstCa(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0
            || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(leaf);
    }
}

/// <summary>The JSON of an instant query's answer, read into samples or into the error it states.</summary>
internal static class PrometheusVector
{
    public static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    public static IReadOnlyList<PrometheusSample> Parse(JsonDocument document, Uri url, HttpStatusCode status)
    {
        var root = document.RootElement;
        var state = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (state != "success" || (int)status >= 300)
        {
            var errorType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() : null;
            // Prometheus' own words for a transient failure: timeout, canceled, unavailable; a bad query or a refusal is not.
            var retryable = IsRetryable(status) || errorType is "timeout" or "canceled" or "unavailable";
            var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? "; check the bearer token (--prometheus-token-file) and its permissions" : string.Empty;
            throw new PrometheusQueryException(
                $"Prometheus at {url} answered {(int)status} {status}: {errorType ?? "error"}: {error ?? "no error given"}{refused}; "
                + (retryable ? "a retry may succeed" : "a retry will not help"), url, retryable);
        }

        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var type) || type.GetString() != "vector"
            || !data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new PrometheusQueryException(
                $"Prometheus at {url} answered without an instant vector (data.resultType \"vector\" with data.result); a retry will not help",
                url, isRetryable: false);
        }

        var samples = new List<PrometheusSample>(result.GetArrayLength());
        foreach (var series in result.EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (series.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object)
            {
                foreach (var label in metric.EnumerateObject())
                {
                    labels[label.Name] = label.Value.GetString() ?? string.Empty;
                }
            }

            if (!series.TryGetProperty("value", out var pair) || pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || pair[1].ValueKind != JsonValueKind.String
                || !TryValue(pair[1].GetString()!, out var value))
            {
                throw new PrometheusQueryException(
                    $"Prometheus at {url} answered a series without a [time, \"value\"] pair; a retry will not help", url, isRetryable: false);
            }

            samples.Add(new PrometheusSample(labels, value));
        }

        return samples;
    }

    // Prometheus writes special values as +Inf, -Inf and NaN, which .NET does not parse.
    private static bool TryValue(string text, out double value)
    {
        (var special, value) = text switch
        {
            "+Inf" or "Inf" => (true, double.PositiveInfinity),
            "-Inf" => (true, double.NegativeInfinity),
            "NaN" => (true, double.NaN),
            _ => (false, 0d),
        };
        return special || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
