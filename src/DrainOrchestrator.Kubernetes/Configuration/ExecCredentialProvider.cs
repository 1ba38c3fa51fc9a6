using System.Text.Json;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Runs an exec credential plugin (client.authentication.k8s.io/v1) and caches what it returns until the returned
/// expirationTimestamp passes, then runs it again. Never runs the plugin interactively.
/// </summary>
/// <remarks>
/// Ours, not KubernetesClient 21's <c>ExecTokenProvider</c>, because the library's plugin runner cannot pass the tests in
/// <c>ExecCredentialProviderTests</c>: it joins the arguments with spaces (an argument holding a space is split), tells
/// the plugin <c>interactive</c> from <c>Environment.UserInteractive</c> whatever <c>interactiveMode</c> says, passes no
/// cluster for <c>provideClusterInfo</c>, ignores the exit code and drops standard error, blocks a thread up to two
/// minutes without a cancellation token, decides expiry on the wall clock (not <see cref="TimeProvider"/>), never renews
/// a client certificate a plugin returned, and runs the plugin while the configuration is being built.
/// </remarks>
public sealed class ExecCredentialProvider : ICredentialProvider, IDisposable
{
    /// <summary>The ExecCredential version kubectl uses today.</summary>
    public const string ApiVersionV1 = "client.authentication.k8s.io/v1";

    /// <summary>The versions accepted (v1beta1 has the same shape for what is used here).</summary>
    public static readonly IReadOnlySet<string> SupportedApiVersions =
        new HashSet<string>(StringComparer.Ordinal) { ApiVersionV1, "client.authentication.k8s.io/v1beta1" };

    private readonly ExecPluginConfig _config;
    private readonly ExecCredentialCluster? _cluster;
    private readonly TimeProvider _timeProvider;
    private readonly string? _contextName;
    private readonly string _sourceFile;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KubernetesCredential? _cached;

    /// <summary>Creates the provider for a user's exec section.</summary>
    /// <param name="config">The exec plugin as the kubeconfig declares it.</param>
    /// <param name="sourceFile">The kubeconfig file declaring it, for error messages.</param>
    /// <param name="cluster">The cluster, passed to the plugin when it asks for cluster information.</param>
    /// <param name="contextName">The context, for error messages.</param>
    /// <param name="timeProvider">The clock the expiry is compared with.</param>
    public ExecCredentialProvider(ExecPluginConfig config, string sourceFile, ExecCredentialCluster? cluster, string? contextName,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(sourceFile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _config = config;
        _sourceFile = sourceFile;
        _contextName = contextName;
        _timeProvider = timeProvider;
        _cluster = config.ProvideClusterInfo ? cluster : null;
    }

    /// <summary>How many times the plugin has been run.</summary>
    public int Runs { get; private set; }

    /// <inheritdoc />
    public async ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_cached))
        {
            return _cached!;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh(_cached))
            {
                return _cached!;
            }

            if (string.Equals(_config.InteractiveMode, "Always", StringComparison.Ordinal))
            {
                throw Error("exec.interactiveMode", "is Always, but credentials are obtained without a terminal");
            }

            var output = await ExecPluginRunner.RunAsync(_config, BuildExecInfo(), _sourceFile, _contextName, cancellationToken)
                .ConfigureAwait(false);
            Runs++;
            _cached = Parse(output);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Invalidate() => _cached = null;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private bool IsFresh(KubernetesCredential? credential)
        => credential is not null && (credential.ExpiresAt is null || _timeProvider.GetUtcNow() < credential.ExpiresAt);

    private string BuildExecInfo()
    {
        var message = new ExecCredentialMessage
        {
            ApiVersion = _config.ApiVersion,
            Kind = "ExecCredential",
            Spec = new ExecCredentialSpec { Interactive = false, Cluster = _cluster },
        };
        return JsonSerializer.Serialize(message, ExecCredentialJsonContext.Default.ExecCredentialMessage);
    }

    private KubernetesCredential Parse(string output)
    {
        ExecCredentialMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(output, ExecCredentialJsonContext.Default.ExecCredentialMessage);
        }
        catch (JsonException ex)
        {
            // The output may hold a token: report only where parsing failed.
            throw Error("exec", $"the plugin's output is not an ExecCredential (JSON error at {ex.Path})");
        }

        if (message is null || !string.Equals(message.Kind, "ExecCredential", StringComparison.Ordinal))
        {
            throw Error("exec", "the plugin's output is not an ExecCredential");
        }

        if (!string.Equals(message.ApiVersion, _config.ApiVersion, StringComparison.Ordinal))
        {
            throw Error("exec.apiVersion", $"the plugin answered '{message.ApiVersion}', expected '{_config.ApiVersion}'");
        }

        var status = message.Status ?? throw Error("exec", "the plugin's ExecCredential has no status");
        var hasCertificate = !string.IsNullOrEmpty(status.ClientCertificateData);
        if (hasCertificate != !string.IsNullOrEmpty(status.ClientKeyData))
        {
            throw Error("exec", "the plugin returned only one of clientCertificateData and clientKeyData");
        }

        if (string.IsNullOrEmpty(status.Token) && !hasCertificate)
        {
            throw Error("exec", "the plugin returned neither a token nor a client certificate");
        }

        var certificate = hasCertificate
            ? PemCertificates.LoadClientCertificate(status.ClientCertificateData!, status.ClientKeyData!, _sourceFile,
                _contextName, "exec")
            : null;
        return new KubernetesCredential(string.IsNullOrEmpty(status.Token) ? null : status.Token, certificate,
            status.ExpirationTimestamp);
    }

    private KubernetesConfigurationException Error(string field, string problem)
        => new(_sourceFile, _contextName, field, problem);
}
