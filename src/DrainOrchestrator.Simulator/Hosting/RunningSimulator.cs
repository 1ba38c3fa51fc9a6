using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Requests;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>A started simulator: where it listens, how to authenticate, and its store, faults and counters.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerCertificates _certificates;

    internal RunningSimulator(WebApplication app, ServerCertificates certificates, Uri url, string token, ObjectStore store,
        FaultInjector faults, RequestCounters counters, ClusterModelHost? model, ServiceAccountTokens serviceAccounts, RbacAuthorizer authorizer)
    {
        ServiceAccountTokens = serviceAccounts;
        Authorizer = authorizer;
        _app = app;
        _certificates = certificates;
        Url = url;
        Token = token;
        Store = store;
        Faults = faults;
        Requests = counters;
        Model = model;
    }

    /// <summary>The simulated KubeVirt cluster behind the store; null for the empty and JSON List seeds.</summary>
    public ClusterModelHost? Model { get; }

    /// <summary>The ground truth: the model's (when there is one) plus the request counts by verb and resource.</summary>
    public System.Text.Json.Nodes.JsonObject GroundTruth() => GroundTruthDocument.Build(Model, Requests);

    /// <summary>Writes <see cref="GroundTruth"/> to a file.</summary>
    public async Task WriteGroundTruthAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var json = GroundTruth().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(full, json + "\n", cancellationToken);
    }

    /// <summary>The server URL, e.g. <c>https://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>The admin bearer token (the kubeconfig's): a member of <c>system:masters</c>, allowed everything.</summary>
    public string Token { get; }

    /// <summary>The ServiceAccount tokens: <see cref="ServiceAccountToken(string, string)"/> registers one.</summary>
    public ServiceAccountTokens ServiceAccountTokens { get; }

    /// <summary>The RBAC authorizer every Kubernetes API request passes.</summary>
    public RbacAuthorizer Authorizer { get; }

    /// <summary>
    /// A token that authenticates as the ServiceAccount <c>NAMESPACE/NAME</c> (created, with its namespace, when missing)
    /// until the account is deleted; it may do only what RBAC grants <c>system:serviceaccount:NAMESPACE:NAME</c>.
    /// </summary>
    public string ServiceAccountToken(string @namespace, string name) => ServiceAccountTokens.Register(@namespace, name);

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
        if (Model is not null)
        {
            await Model.DisposeAsync();
        }

        await _app.DisposeAsync();
        _certificates.Dispose();
    }
}
