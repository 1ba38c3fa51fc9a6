using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Requests;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>A started simulator: where it listens, how to authenticate, and its store, faults and counters.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerCertificates _certificates;

    internal RunningSimulator(WebApplication app, ServerCertificates certificates, Uri url, string token, ObjectStore store,
        FaultInjector faults, RequestCounters counters)
    {
        _app = app;
        _certificates = certificates;
        Url = url;
        Token = token;
        Store = store;
        Faults = faults;
        Requests = counters;
    }

    /// <summary>The server URL, e.g. <c>https://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>The bearer token every request needs.</summary>
    public string Token { get; }

    /// <summary>The CA that signed the serving certificate, in PEM.</summary>
    public string CertificateAuthorityPem => _certificates.AuthorityPem;

    /// <summary>The CA certificate, for clients that pin it.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 CertificateAuthority => _certificates.Authority;

    /// <summary>The object store behind the API.</summary>
    public ObjectStore Store { get; }

    /// <summary>The API fault rules, changeable at runtime.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The request counters.</summary>
    public RequestCounters Requests { get; }

    /// <summary>Completes when the server stops.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server, closing open watches.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await _app.StopAsync(cancellationToken);

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _certificates.Dispose();
    }
}
