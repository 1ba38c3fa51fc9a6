using System.Text.RegularExpressions;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The names the API server accepts, checked before a request would be refused by it.</summary>
public static partial class KubernetesNames
{
    /// <summary>A DNS-1123 label (a namespace, a workflow name): lower-case letters, digits and '-', at most 63, alphanumeric at both ends.</summary>
    public static bool IsDnsLabel(string? name) => name is not null && DnsLabel().IsMatch(name);

    /// <summary>A DNS-1123 subdomain (most objects' names): labels joined by '.', at most 253.</summary>
    public static bool IsDnsSubdomain(string? name) => name is not null && DnsSubdomain().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
