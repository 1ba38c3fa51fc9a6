using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>A throw-away CA with a server and a client certificate, made in memory for TLS tests.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates(string serverDnsName = "kubernetes.default.svc", bool serverHasLoopbackIp = false)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test-kubernetes-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Authority = caRequest.CreateSelfSigned(now, now.AddYears(50));

        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(serverDnsName);
        if (serverHasLoopbackIp)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }

        Server = Issue("CN=kube-apiserver", san.Build(), new Oid("1.3.6.1.5.5.7.3.1"), now);
        Client = Issue("CN=drain-orchestrator, O=system:masters", null, new Oid("1.3.6.1.5.5.7.3.2"), now);
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string AuthorityPem => Authority.ExportCertificatePem();

    public string ClientCertificatePem => Client.ExportCertificatePem();

    public string ClientKeyPem => Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();

    public static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private X509Certificate2 Issue(string subject, X509Extension? san, Oid usage, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(Authority, now, now.AddYears(20), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // A PKCS#12 round trip gives a key the platform TLS stack can use.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
