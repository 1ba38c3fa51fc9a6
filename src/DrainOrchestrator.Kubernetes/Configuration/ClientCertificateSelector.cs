using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Chooses the client certificate of a new TLS connection: the latest exec-plugin one, else the kubeconfig one.</summary>
internal sealed class ClientCertificateSelector(X509Certificate2? configured)
{
    private volatile X509Certificate2? _fromCredential;

    public X509Certificate2? FromCredential
    {
        get => _fromCredential;
        set => _fromCredential = value;
    }

    public X509Certificate? Select(object sender, string targetHost, X509CertificateCollection localCertificates,
        X509Certificate? remoteCertificate, string[] acceptableIssuers)
        => _fromCredential ?? configured;
}
