using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A declared MAC address as KubeVirt shows it: the one pod-network interface (masquerade) with its <c>macAddress</c>
/// in a VM template's or VMI's spec, and <c>mac</c> on the VMI's reported interface. Added to the rendered JSON, since
/// the shared wire models carry no interface list.
/// </summary>
internal static class MacAddressRenderer
{
    public static void AddToSpec(JsonObject? spec, string? mac)
    {
        if (spec is null || mac is null)
        {
            return;
        }

        if (spec["domain"] is not JsonObject domain)
        {
            spec["domain"] = domain = [];
        }

        if (domain["devices"] is not JsonObject devices)
        {
            domain["devices"] = devices = [];
        }

        devices["interfaces"] = new JsonArray(new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject(), ["macAddress"] = mac });
        spec["networks"] = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() });
    }

    public static void AddToStatus(JsonObject? status, string? mac)
    {
        if (mac is not null && status?["interfaces"] is JsonArray { Count: > 0 } interfaces && interfaces[0] is JsonObject first)
        {
            first["mac"] = mac;
        }
    }
}
