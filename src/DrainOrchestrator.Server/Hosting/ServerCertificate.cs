using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Server.Hosting;

/// <summary>
/// The certificate of <c>--tls-cert</c>/<c>--tls-key</c> and the intermediate CAs that follow it in the certificate
/// file, which the server sends in the handshake so a client that trusts only the root can build the chain.
/// </summary>
internal sealed class ServerCertificate : IDisposable
{
    private ServerCertificate(X509Certificate2 certificate, X509Certificate2Collection chain) => (Certificate, Chain) = (certificate, chain);

    public X509Certificate2 Certificate { get; }

    /// <summary>The other certificates of the file (intermediates), in file order.</summary>
    public X509Certificate2Collection Chain { get; }

    /// <summary>Loads the PEM files; throws <see cref="CryptographicException"/> when they do not hold a certificate and its key.</summary>
    public static ServerCertificate Load(string certificateFile, string keyFile)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificateFile);
        var chain = new X509Certificate2Collection();
        foreach (var other in all)
        {
            if (other.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
            {
                other.Dispose();
            }
            else
            {
                chain.Add(other);
            }
        }

        return new ServerCertificate(certificate, chain);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var other in Chain)
        {
            other.Dispose();
        }
    }
}
