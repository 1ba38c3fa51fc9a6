namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Makes the HTTP stack for connection settings: a <see cref="SocketsHttpHandler"/> that trusts only the configured CAs,
/// honours tls-server-name and presents the client certificate, wrapped in a handler adding the bearer token.
/// </summary>
public static class KubernetesHttpClientFactory
{
    /// <summary>Creates the handler chain. The caller owns (and disposes) it.</summary>
    public static HttpMessageHandler CreateHandler(KubernetesConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var validator = new ServerCertificateValidator(settings);
        var certificates = new ClientCertificateSelector(settings.ClientCertificate);
        var sockets = new SocketsHttpHandler
        {
            // Connections are recycled so that DNS changes and rotated exec-plugin certificates take effect.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
        };
        sockets.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        sockets.SslOptions.LocalCertificateSelectionCallback = certificates.Select;

        return settings.Credentials is null
            ? sockets
            : new BearerTokenHandler(settings.Credentials, certificates) { InnerHandler = sockets };
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> whose base address is the API server. It has no overall timeout, because watches
    /// stay open: callers bound each call with their cancellation token.
    /// </summary>
    public static HttpClient CreateHttpClient(KubernetesConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new HttpClient(CreateHandler(settings), disposeHandler: true)
        {
            BaseAddress = settings.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
