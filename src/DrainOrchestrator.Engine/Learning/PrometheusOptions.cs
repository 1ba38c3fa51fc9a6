using DrainOrchestrator.Persistence.Secrets;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Where the guests' dirty rates are read: a Prometheus HTTP API (<c>{Url}/api/v1/query</c>) that scrapes KubeVirt's
/// virt-handlers. Validate with <see cref="Problems"/>, which names every problem at once.
/// </summary>
public sealed record PrometheusOptions
{
    /// <summary>The API's base URL, e.g. <c>https://prometheus-k8s.openshift-monitoring.svc:9091</c> (http or https).</summary>
    public required string Url { get; init; }

    /// <summary>A file readable by its owner only holding the bearer token; null to send none.</summary>
    public string? TokenFile { get; init; }

    /// <summary>
    /// The bearer token itself, for a token that comes from the environment (<c>DRAIN_PROMETHEUS_TOKEN</c>, e.g. a
    /// Secret's key in a pod, whose mounted files are group-readable and so refused as <see cref="TokenFile"/>); null
    /// for none. Not with <see cref="TokenFile"/>.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>A PEM file of the CA the server's certificate must chain to; null for the system's trust store.</summary>
    public string? CaFile { get; init; }

    /// <summary>How long one query may take before it counts as failed (and a retry may help).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The URL as a URI; valid only when <see cref="Problems"/> is empty.</summary>
    public Uri BaseUri => new(Url.TrimEnd('/') + "/", UriKind.Absolute);

    // Logs and exceptions that print the options show the token's presence, never the token.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", TokenFile = ").Append(TokenFile).Append(", Token = ").Append(Token is null ? "" : "(set)")
            .Append(", CaFile = ").Append(CaFile).Append(", Timeout = ").Append(Timeout);
        return true;
    }

    /// <summary>Every problem with these options, in the words of <paramref name="urlName"/> (e.g. <c>--prometheus-url</c>).</summary>
    public IReadOnlyList<string> Problems(string urlName = "--prometheus-url", string tokenName = "--prometheus-token-file",
        string caName = "--prometheus-ca-file")
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            problems.Add($"{urlName}: '{Url}' is not an http or https URL without a query, such as https://prometheus.example:9090");
        }

        if (TokenFile is not null && PrivateFile.Problem(TokenFile, tokenName) is { } token)
        {
            problems.Add(token);
        }

        if (TokenFile is not null && Token is not null)
        {
            problems.Add($"{tokenName} and DRAIN_PROMETHEUS_TOKEN both give the Prometheus token: keep one");
        }
        else if (Token is not null && (Token.Length == 0 || Token.Any(char.IsControl) || Token.Contains(' ', StringComparison.Ordinal)))
        {
            problems.Add("DRAIN_PROMETHEUS_TOKEN is empty or holds spaces or control characters: set it to the bearer token alone");
        }

        if (CaFile is not null && !File.Exists(CaFile))
        {
            problems.Add($"{caName}: file '{CaFile}' does not exist; give the PEM file of the CA that signs the Prometheus server's certificate");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"the Prometheus query timeout must be between 1 ms and 10 minutes, was {Timeout}");
        }

        return problems;
    }
}
