using System.Globalization;
using System.Net.Sockets;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Connection settings of a pod's service account: the API server from the environment, token and CA from files.</summary>
public static class InClusterConfig
{
    /// <summary>Whether the process looks like it runs in a pod (the service host variable and the token file exist).</summary>
    public static bool IsAvailable(InClusterOptions? options = null)
    {
        options ??= new InClusterOptions();
        return !string.IsNullOrEmpty(options.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
            && File.Exists(Path.Combine(options.ServiceAccountPath, "token"));
    }

    /// <summary>Builds the settings; the token is re-read from its file as the kubelet rotates it.</summary>
    public static KubernetesConnectionSettings Load(InClusterOptions? options = null)
    {
        options ??= new InClusterOptions();
        var host = Require(options, "KUBERNETES_SERVICE_HOST");
        var portText = Require(options, "KUBERNETES_SERVICE_PORT");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new KubernetesConfigurationException(null, null, "KUBERNETES_SERVICE_PORT", $"'{portText}' is not a port number");
        }

        var tokenPath = Path.Combine(options.ServiceAccountPath, "token");
        if (!File.Exists(tokenPath))
        {
            throw new KubernetesConfigurationException(tokenPath, null, "token", "the service-account token file does not exist");
        }

        var caPath = Path.Combine(options.ServiceAccountPath, "ca.crt");
        var authorities = File.Exists(caPath)
            ? PemCertificates.LoadAuthorities(File.ReadAllText(caPath), caPath, null, "ca.crt")
            : null;
        var namespacePath = Path.Combine(options.ServiceAccountPath, "namespace");
        var ns = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : "";

        var bracketed = System.Net.IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{host}]"
            : host;
        return new KubernetesConnectionSettings
        {
            Server = new Uri($"https://{bracketed}:{port.ToString(CultureInfo.InvariantCulture)}"),
            CertificateAuthorities = authorities,
            Credentials = new TokenFileCredentialProvider(tokenPath, options.TokenRefreshInterval, options.TimeProvider),
            Namespace = ns.Length == 0 ? "default" : ns,
        };
    }

    private static string Require(InClusterOptions options, string variable)
        => options.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new KubernetesConfigurationException(null, null, variable, "is not set: not running in a pod");
}
