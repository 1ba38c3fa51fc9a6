using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// Checks a drainctl server's TLS certificate: it must chain to the system's roots or to the CA (or self-signed
/// certificate) of <c>--server-ca</c>, and name the host of <c>--server</c> either way. A refused handshake becomes a
/// <see cref="ServerCertificateException"/> that says why and what to give, instead of a bare "could not be reached".
/// </summary>
internal sealed class ServerCertificateCheck : DelegatingHandler
{
    private readonly Uri _server;
    private readonly string? _caFile;
    private readonly X509Certificate2Collection? _trusted;
    private volatile string? _refusal;

    public ServerCertificateCheck(Uri server, string? caFile)
    {
        (_server, _caFile) = (server, caFile);
        if (caFile is not null)
        {
            _trusted = Load(caFile);
        }

        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = Validate;
        InnerHandler = handler;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.SecureConnectionError && _refusal is { } why)
        {
            throw new ServerCertificateException($"the server's TLS certificate was refused: {why}", ex);
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            _refusal = "the server sent none";
            return false;
        }

        using var presented = new X509Certificate2(certificate);
        var problems = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && !(_trusted is not null && ChainsTo(presented, chain, _trusted)))
        {
            var status = string.Join(", ", chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct() ?? []);
            problems.Add(_caFile is null
                ? $"it is not trusted by this machine ({status}); give the CA that issued it, or the server's self-signed certificate, "
                    + "as a PEM file with --server-ca FILE (or DRAIN_SERVER_CA)"
                : $"it does not chain to --server-ca {_caFile}");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add($"it does not carry the name '{_server.Host}' of --server (it names {Names(presented)}); use a name the certificate carries");
        }

        _refusal = problems.Count > 0 ? string.Join("; and ", problems) : null;
        return problems.Count == 0;
    }

    // A missing or unreadable file is bad input, said in the option's terms.
    private static X509Certificate2Collection Load(string caFile)
    {
        var trusted = new X509Certificate2Collection();
        try
        {
            trusted.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"--server-ca: cannot read '{caFile}' as PEM certificates ({ex.Message})", ex);
        }

        return trusted.Count > 0 ? trusted : throw new ArgumentException($"--server-ca: '{caFile}' holds no PEM certificate");
    }

    private static string Names(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString()))).ToList();
        return names.Count > 0 ? string.Join(", ", names) : certificate.Subject;
    }

    // The intermediates the server sent (in the handshake's chain) may complete the path to the trusted CA.
    private static bool ChainsTo(X509Certificate2 certificate, X509Chain? sent, X509Certificate2Collection trusted)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (sent is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(sent.ChainPolicy.ExtraStore);
            foreach (var element in sent.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
