using System.Net;
using DrainOrchestrator.Cli;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Tls;

/// <summary><c>--tls-cert/--tls-key</c>: the server speaks HTTPS only, and drainctl --server trusts it through <c>--server-ca</c>.</summary>
[Collection(ServerCollection.Name)]
public sealed class TlsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Serve_WithCertificate_AnswersHttpsWithItAndRefusesPlainHttp()
    {
        using var certificate = TestCertificate.SelfSigned(fixture.Directory, "tls-https");
        await using var server = await fixture.StartServerAsync(o => (o.TlsCertificate, o.TlsKey) = (certificate.CertificatePath, certificate.KeyPath));
        Assert.Equal("https", server.BaseAddress.Scheme);

        using (var https = fixture.Client(server.BaseAddress, "alice", certificate.TrustingHandler()))
        {
            using var response = await https.GetAsync("/api/v1/drains");
            await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
            Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/healthz")).StatusCode);
        }

        // The same port over plain HTTP: Kestrel closes the connection without an answer.
        using var plain = fixture.Client(new UriBuilder(server.BaseAddress) { Scheme = "http" }.Uri, "alice");
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync("/api/v1/drains"));

        // A client that does not trust the certificate is refused during the handshake.
        using var untrusting = fixture.Client(server.BaseAddress, "alice");
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync("/api/v1/drains"));
        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
    }

    [Fact]
    public async Task DrainctlServer_WithServerCa_TrustsTheSelfSignedServerAndWithoutItIsRefusedClearly()
    {
        using var certificate = TestCertificate.SelfSigned(fixture.Directory, "tls-drainctl");
        await using var server = await fixture.StartServerAsync(o => (o.TlsCertificate, o.TlsKey) = (certificate.CertificatePath, certificate.KeyPath));
        var tokenFile = Path.Combine(fixture.Directory, "tls-drainctl.token");
        await BearerTokenFile.WriteAsync(tokenFile, fixture.Tokens["alice"]);
        var url = server.BaseAddress.ToString();

        var trusted = await RunDrainctlAsync("status", "--server", url, "--token-file", tokenFile, "--server-ca", certificate.AnchorPath);
        Assert.True(trusted.ExitCode == ExitCodes.Success, trusted.ToString());
        Assert.Contains("No unfinished drains.", trusted.Output, StringComparison.Ordinal);

        var untrusted = await RunDrainctlAsync("status", "--server", url, "--token-file", tokenFile);
        Assert.True(untrusted.ExitCode == ExitCodes.BadInput, untrusted.ToString());
        Assert.Contains("certificate", untrusted.Error, StringComparison.Ordinal);
        Assert.Contains("--server-ca", untrusted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("may succeed if tried again", untrusted.Error, StringComparison.Ordinal);

        // Trusting the certificate is not trusting any name: it is for 127.0.0.1, not for localhost.
        var otherName = await RunDrainctlAsync("status", "--server", $"https://localhost:{server.BaseAddress.Port}", "--token-file", tokenFile,
            "--server-ca", certificate.AnchorPath);
        Assert.True(otherName.ExitCode == ExitCodes.BadInput, otherName.ToString());
        Assert.Contains("localhost", otherName.Error, StringComparison.Ordinal);
        Assert.Contains("name", otherName.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithCertificateChainFile_SendsTheIntermediateSoClientsTrustingTheRootConnect()
    {
        using var certificate = TestCertificate.IssuedThroughIntermediate(fixture.Directory, "tls-chain");
        await using var server = await fixture.StartServerAsync(o => (o.TlsCertificate, o.TlsKey) = (certificate.CertificatePath, certificate.KeyPath));
        using (var https = fixture.Client(server.BaseAddress, "alice", certificate.TrustingHandler()))
        {
            await Support.Api.ExpectAsync(HttpStatusCode.OK, await https.GetAsync("/api/v1/drains"));
        }

        var tokenFile = Path.Combine(fixture.Directory, "tls-chain.token");
        await BearerTokenFile.WriteAsync(tokenFile, fixture.Tokens["alice"]);
        var status = await RunDrainctlAsync("status", "--server", server.BaseAddress.ToString(), "--token-file", tokenFile,
            "--server-ca", certificate.AnchorPath);
        Assert.True(status.ExitCode == ExitCodes.Success, status.ToString());
    }

    private static async Task<DrainctlResult> RunDrainctlAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DrainctlApplication.RunAsync(args, output, error);
        return new DrainctlResult(code, output.ToString(), error.ToString());
    }

    private sealed record DrainctlResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
    }
}
