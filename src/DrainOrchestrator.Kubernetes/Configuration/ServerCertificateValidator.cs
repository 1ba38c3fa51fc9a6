using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Checks the API server's certificate as kubectl does: against the configured CAs only (not the system store) when
/// some are given, and against <c>tls-server-name</c> instead of the URL host when that is set.
/// </summary>
public sealed class ServerCertificateValidator
{
    private readonly X509Certificate2Collection? _authorities;
    private readonly string _expectedName;
    private readonly bool _skipVerify;

    /// <summary>Creates the validator for resolved settings.</summary>
    public ServerCertificateValidator(KubernetesConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _authorities = settings.CertificateAuthorities;
        _expectedName = settings.ExpectedServerName;
        _skipVerify = settings.InsecureSkipTlsVerify;
        if (_skipVerify && _authorities is not null)
        {
            throw new ArgumentException(
                "insecure-skip-tls-verify and certificate authorities contradict each other: drop insecure-skip-tls-verify to verify against the CAs.",
                nameof(settings));
        }
    }

    /// <summary>The TLS validation callback.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_skipVerify)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!leaf.MatchesHostname(_expectedName))
        {
            return false;
        }

        if (_authorities is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var customChain = new X509Chain();
        customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        customChain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // Intermediates the server sent along.
            foreach (var element in chain.ChainElements)
            {
                customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return customChain.Build(leaf);
    }
}
