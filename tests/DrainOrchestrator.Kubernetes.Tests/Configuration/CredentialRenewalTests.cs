using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

/// <summary>Tokens that change while the client runs, seen on the wire: an exec plugin's expiring token, a rotated service-account token.</summary>
public sealed class CredentialRenewalTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose()
    {
        _dir.Dispose();
        _certs.Dispose();
    }

    [Fact]
    public async Task ExecPlugin_InteractiveModeNever_TokenExpires_NextRequestCarriesTheRenewedToken()
    {
        await using var server = new FakeHttpsServer(_certs.Server);
        var counter = Path.Combine(_dir.Path, "runs");
        WriteScript("plugin.sh", """
            #!/bin/sh
            n=$(( $(cat "$1" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$1"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$1.info"
            echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-$n\",\"expirationTimestamp\":\"2030-01-01T00:05:00Z\"}}"
            """);
        var path = WriteConfig(server.Url, $"""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./plugin.sh
                  args: ["{counter}"]
                  interactiveMode: Never
            """);
        var settings = KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path, time: _time));
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        await GetAsync(client);
        _time.Advance(TimeSpan.FromMinutes(4));
        await GetAsync(client);
        _time.Advance(TimeSpan.FromMinutes(2));
        await GetAsync(client);

        Assert.Equal(["Bearer exec-1", "Bearer exec-1", "Bearer exec-2"], server.AuthorizationHeaders);
        Assert.Equal(2, ((ExecCredentialProvider)settings.Credentials!).Runs);
        Assert.Contains("\"interactive\":false", File.ReadAllText(counter + ".info"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecPlugin_InteractiveModeAlways_RefusedNamingTheField()
    {
        var path = WriteConfig(new Uri("https://k.example"), """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: kubectl-login
                  interactiveMode: Always
            """);
        var credentials = KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path, time: _time)).Credentials!;

        var ex = await Assert.ThrowsAsync<KubernetesConfigurationException>(
            async () => await credentials.GetCredentialAsync(TestTimeout.Token));

        Assert.Equal("exec.interactiveMode", ex.Field);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public async Task InCluster_TokenRotated_NewTokenAfterRefreshIntervalAndAt401()
    {
        var tokens = new Dictionary<string, bool> { ["Bearer token-1"] = true, ["Bearer token-2"] = true, ["Bearer token-3"] = true };
        await using var server = new FakeHttpsServer(_certs.Server, script: (request, exchange) =>
            request.Header("authorization") is { } header && tokens[header]
                ? exchange.RespondAsync(200, WireJson.List("NamespaceList", "1", []))
                : exchange.RespondAsync(401, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Unauthorized","code":401}"""));
        _dir.Write("sa/token", "token-1");
        _dir.Write("sa/ca.crt", _certs.AuthorityPem);
        var settings = InClusterConfig.Load(new InClusterOptions
        {
            ServiceAccountPath = Path.Combine(_dir.Path, "sa"),
            GetEnvironmentVariable = name => name switch
            {
                "KUBERNETES_SERVICE_HOST" => "127.0.0.1",
                "KUBERNETES_SERVICE_PORT" => server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            },
            TimeProvider = _time,
        }) with
        { TlsServerName = "kubernetes.default.svc" };
        using var client = KubernetesClient.Create(settings, _time, new KubernetesClientOptions { Retry = KubernetesRetryOptions.None });

        await client.ListAsync<Namespace>(null, null, TestTimeout.Token);
        _dir.Write("sa/token", "token-2");
        await client.ListAsync<Namespace>(null, null, TestTimeout.Token);
        _time.Advance(TimeSpan.FromSeconds(61));
        await client.ListAsync<Namespace>(null, null, TestTimeout.Token);

        // The kubelet rotated the token and the server stopped taking the old one: one 401, then the new token at once.
        _dir.Write("sa/token", "token-3");
        tokens["Bearer token-2"] = false;
        var refused = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<Namespace>(null, null, TestTimeout.Token));
        await client.ListAsync<Namespace>(null, null, TestTimeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-3"], server.AuthorizationHeaders);
    }

    private static async Task GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);
        response.EnsureSuccessStatusCode();
    }

    private void WriteScript(string name, string content)
    {
        var path = _dir.Write(name, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string WriteConfig(Uri server, string userBody)
        => _dir.Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: c
            clusters:
            - name: k
              cluster:
                server: {server}
                certificate-authority-data: {TestCertificates.Base64(_certs.AuthorityPem)}
                tls-server-name: kubernetes.default.svc
            contexts:
            - name: c
              context:
                cluster: k
                user: u
            users:
            - name: u
              user:
            {userBody}
            """);
}
