using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// A server certificate made for the test, for 127.0.0.1 only (no DNS name, so <c>localhost</c> does not match it),
/// written as PEM files the way <c>--tls-cert</c>/<c>--tls-key</c> and <c>--server-ca</c> read them: either
/// self-signed, or issued by an intermediate CA under a root CA, with the intermediate in the certificate file.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 anchor, string anchorPath, string certificatePath, string keyPath)
    {
        (Anchor, AnchorPath, CertificatePath, KeyPath) = (anchor, anchorPath, certificatePath, keyPath);
    }

    /// <summary>What a client trusts: the self-signed certificate itself, or the root CA.</summary>
    public X509Certificate2 Anchor { get; }

    /// <summary><see cref="Anchor"/> as PEM, for <c>--server-ca</c>.</summary>
    public string AnchorPath { get; }

    /// <summary>For <c>--tls-cert</c>: the server certificate, followed by the intermediate CA when there is one.</summary>
    public string CertificatePath { get; }

    /// <summary>For <c>--tls-key</c>.</summary>
    public string KeyPath { get; }

    public static TestCertificate SelfSigned(string directory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (notBefore, notAfter) = Validity();
        using var certificate = ServerRequest(name, key).CreateSelfSigned(notBefore, notAfter);
        var certificatePath = Write(directory, name + ".crt.pem", certificate.ExportCertificatePem());
        var keyPath = Write(directory, name + ".key.pem", key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(X509CertificateLoader.LoadCertificate(certificate.RawData), certificatePath, certificatePath, keyPath);
    }

    public static TestCertificate IssuedThroughIntermediate(string directory, string name)
    {
        var (notBefore, notAfter) = Validity();
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = CaRequest($"{name} root CA", rootKey).CreateSelfSigned(notBefore, notAfter);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediatePublic = CaRequest($"{name} intermediate CA", intermediateKey).Create(root, notBefore, notAfter, Serial());
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = ServerRequest(name, key).Create(intermediate, notBefore, notAfter, Serial());
        var anchorPath = Write(directory, name + ".root.pem", root.ExportCertificatePem());
        var certificatePath = Write(directory, name + ".crt.pem", leaf.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem());
        var keyPath = Write(directory, name + ".key.pem", key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(X509CertificateLoader.LoadCertificate(root.RawData), anchorPath, certificatePath, keyPath);
    }

    /// <summary>An HTTP handler that trusts <see cref="Anchor"/> and nothing else, names checked as usual.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(Anchor);
        return handler;
    }

    public void Dispose() => Anchor.Dispose();

    private static CertificateRequest ServerRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static CertificateRequest CaRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity()
    {
        var now = TimeProvider.System.GetUtcNow();
        return (now.AddDays(-1), now.AddDays(1));
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);

    private static string Write(string directory, string file, string pem)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, pem);
        return path;
    }
}
