namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// A bearer token read from a file that is rotated underneath (projected service-account tokens, <c>tokenFile</c>):
/// re-read once the refresh interval has passed, or at once after <see cref="Invalidate"/>.
/// </summary>
public sealed class TokenFileCredentialProvider : ICredentialProvider
{
    private readonly string _path;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private KubernetesCredential? _cached;
    private DateTimeOffset _readAt;

    /// <summary>Creates the provider for a token file.</summary>
    public TokenFileCredentialProvider(string path, TimeSpan refreshInterval, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshInterval, TimeSpan.Zero);
        _path = path;
        _refreshInterval = refreshInterval;
        _timeProvider = timeProvider;
    }

    /// <summary>The token file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public async ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_cached is not null && now - _readAt < _refreshInterval)
            {
                return _cached;
            }
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigurationException(_path, null, "tokenFile", $"cannot be read: {ex.Message}", ex);
        }

        if (token.Length == 0)
        {
            throw new KubernetesConfigurationException(_path, null, "tokenFile", "is empty");
        }

        var credential = new KubernetesCredential(token);
        lock (_gate)
        {
            _cached = credential;
            _readAt = now;
        }

        return credential;
    }

    /// <inheritdoc />
    public void Invalidate()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }
}
