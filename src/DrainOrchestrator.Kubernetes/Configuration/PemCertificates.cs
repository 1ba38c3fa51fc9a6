using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Loads PEM certificates and keys from kubeconfig paths or base64 data, reporting failures by field.</summary>
internal static class PemCertificates
{
    public static string ReadPem(string? path, string? base64Data, string pathField, string dataField, string file, string? context)
    {
        if (!string.IsNullOrEmpty(base64Data))
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Data.Trim()));
            }
            catch (FormatException ex)
            {
                throw new KubernetesConfigurationException(file, context, dataField, "is not valid base64", ex);
            }
        }

        try
        {
            return File.ReadAllText(path!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigurationException(file, context, pathField, $"'{path}' cannot be read: {ex.Message}", ex);
        }
    }

    public static X509Certificate2Collection LoadAuthorities(string pem, string file, string? context, string field)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new KubernetesConfigurationException(file, context, field, "holds no valid PEM certificate", ex);
        }

        return collection.Count > 0
            ? collection
            : throw new KubernetesConfigurationException(file, context, field, "holds no PEM certificate");
    }

    public static X509Certificate2 LoadClientCertificate(string certificatePem, string keyPem, string file, string? context,
        string field)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            if (!OperatingSystem.IsWindows())
            {
                return certificate;
            }

            // Windows' TLS stack cannot use an ephemeral key; a PKCS#12 round trip gives it a persisted one.
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (CryptographicException ex)
        {
            // The message of a key parsing failure does not contain key material.
            throw new KubernetesConfigurationException(file, context, field, $"is not a usable certificate and key: {ex.Message}", ex);
        }
    }
}
