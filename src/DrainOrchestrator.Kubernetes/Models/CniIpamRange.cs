using System.Net;
using System.Numerics;
using System.Text.Json;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// The addresses a NetworkAttachmentDefinition's IPAM hands out (read from <see cref="NetworkAttachmentDefinitionSpec.Config"/>): whereabouts style (<c>ipam.range</c> as a CIDR, with
/// optional <c>range_start</c>/<c>range_end</c>) or host-local style (<c>ipam.ranges[0][0].subnet</c> with optional
/// <c>rangeStart</c>/<c>rangeEnd</c>, or <c>ipam.subnet</c>), IPv4 or IPv6; in a single plugin configuration or the
/// first plugin of a list that has an <c>ipam</c>.
/// </summary>
/// <param name="Network">The subnet the addresses belong to.</param>
/// <param name="First">The first address handed out, as a number.</param>
/// <param name="Last">The last address handed out, as a number.</param>
public sealed record CniIpamRange(IPNetwork Network, BigInteger First, BigInteger Last)
{
    /// <summary>Whether <paramref name="address"/> (IPv4 or IPv6 text) lies in the range's subnet.</summary>
    public bool SubnetContains(string? address) =>
        IPAddress.TryParse(address, out var parsed) && Network.Contains(parsed);

    /// <summary>The range in <paramref name="config"/>, or what is wrong with it.</summary>
    public static (CniIpamRange? Range, string? Problem) Parse(string config)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(config);
        }
        catch (JsonException e)
        {
            return (null, "spec.config is not valid JSON: " + e.Message);
        }

        using (document)
        {
            if (Ipam(document.RootElement) is not { } ipam)
            {
                return (null, "spec.config has no ipam section (neither at the top nor in a plugin)");
            }

            return FromIpam(ipam);
        }
    }

    private static JsonElement? Ipam(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("ipam", out var ipam) && ipam.ValueKind == JsonValueKind.Object)
        {
            return ipam;
        }

        if (root.TryGetProperty("plugins", out var plugins) && plugins.ValueKind == JsonValueKind.Array)
        {
            foreach (var plugin in plugins.EnumerateArray())
            {
                if (plugin.ValueKind == JsonValueKind.Object && plugin.TryGetProperty("ipam", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    return p;
                }
            }
        }

        return null;
    }

    private static (CniIpamRange?, string?) FromIpam(JsonElement ipam)
    {
        if (Text(ipam, "range") is { } range)
        {
            return Build(range, Text(ipam, "range_start"), Text(ipam, "range_end"), "ipam.range");
        }

        if (ipam.TryGetProperty("ranges", out var ranges) && ranges.ValueKind == JsonValueKind.Array
            && ranges.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Array } set
            && set.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
            && Text(first, "subnet") is { } subnet)
        {
            return Build(subnet, Text(first, "rangeStart"), Text(first, "rangeEnd"), "ipam.ranges[0][0].subnet");
        }

        if (Text(ipam, "subnet") is { } single)
        {
            return Build(single, Text(ipam, "rangeStart"), Text(ipam, "rangeEnd"), "ipam.subnet");
        }

        return (null, "spec.config's ipam has no range (whereabouts \"range\", host-local \"ranges\" or \"subnet\"); "
            + "the migration network needs addresses from IPAM (static or DHCP IPAM is not modelled)");
    }

    private static (CniIpamRange?, string?) Build(string cidr, string? start, string? end, string field)
    {
        if (!IPNetwork.TryParse(cidr, out var network))
        {
            return (null, $"{field} must be a CIDR such as 192.168.100.0/24 or fd00:10::/64, was \"{cidr}\"");
        }

        var bits = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var baseValue = ToValue(network.BaseAddress);
        var top = baseValue + (BigInteger.One << (bits - network.PrefixLength)) - 1;

        // The network address is never handed out; nor is IPv4's broadcast address.
        var first = baseValue + (network.PrefixLength < bits ? 1 : 0);
        var last = bits == 32 && network.PrefixLength < 31 ? top - 1 : top;
        foreach (var (value, name, isStart) in new[] { (start, "start", true), (end, "end", false) })
        {
            if (value is null)
            {
                continue;
            }

            if (!IPAddress.TryParse(value, out var address) || !network.Contains(address))
            {
                return (null, $"the range {name} \"{value}\" must be an address inside {cidr}");
            }

            if (isStart)
            {
                first = ToValue(address);
            }
            else
            {
                last = ToValue(address);
            }
        }

        return first > last
            ? (null, $"the range of {cidr} is empty (its start lies after its end)")
            : (new CniIpamRange(network, first, last), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static BigInteger ToValue(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);
}
