using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A simulator started in-process on a free loopback port (the tiny seed unless overridden), its kubeconfig in a temp folder.</summary>
public class SimulatorFixture : IAsyncLifetime
{
    private RunningSimulator? _server;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "drain-sim-tests", Guid.NewGuid().ToString("N"));

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public RunningSimulator Server => _server ?? throw new InvalidOperationException("not started");

    public ObjectStore Store => Server.Store;

    protected virtual StoreOptions StoreOptions => new();

    protected virtual ApiServerOptions ApiOptions => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>The seed of the store; the tiny, model-free one unless a fixture says otherwise.</summary>
    protected virtual ISeeder CreateSeeder() => new TinyClusterSeeder();

    /// <summary>Adjusts the server options.</summary>
    protected virtual SimulatorServerOptions Configure(SimulatorServerOptions options) => options;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var options = Configure(new SimulatorServerOptions { KubeconfigPath = KubeconfigPath, Store = StoreOptions, Api = ApiOptions, Seed = 7 });
        _server = await SimulatorServer.StartAsync(options, CreateSeeder(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>An HTTPS client trusting only the simulator's CA, with the bearer token unless told otherwise.</summary>
    public HttpClient CreateClient(bool withToken = true)
    {
        var ca = Server.CertificateAuthority;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(ca, certificate, errors),
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(30) };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Token);
        }

        return client;
    }

    /// <summary>An HTTPS client that authenticates with <paramref name="token"/> (e.g. a ServiceAccount's).</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient(withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static bool TrustedBy(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
