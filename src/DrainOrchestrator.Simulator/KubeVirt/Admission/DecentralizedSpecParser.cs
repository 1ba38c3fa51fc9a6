using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>A VMIM's <c>spec.sendTo{migrationID, connectURL}</c> or <c>spec.receive{migrationID}</c>.</summary>
internal static class DecentralizedSpecParser
{
    /// <summary>The decentralized part, or null for an ordinary VMIM; <paramref name="problem"/> when it is malformed.</summary>
    public static DecentralizedSpec? Parse(JsonObject vmim, out (string Field, string Message)? problem)
    {
        problem = null;
        var sendTo = ObjectDiff.Find(vmim, "spec", "sendTo") as JsonObject;
        var receive = ObjectDiff.Find(vmim, "spec", "receive") as JsonObject;
        if (sendTo is not null && receive is not null)
        {
            problem = ("spec", "spec.sendTo and spec.receive cannot both be set: a VMIM is one side of a decentralized migration");
            return null;
        }

        if (sendTo is null && receive is null)
        {
            return null;
        }

        var field = sendTo is not null ? "spec.sendTo" : "spec.receive";
        var id = ObjectDiff.Find(sendTo ?? receive, "migrationID")?.ToString();
        if (string.IsNullOrEmpty(id))
        {
            problem = (field + ".migrationID", "Required value: the migrationID both sides share");
            return null;
        }

        if (sendTo is null)
        {
            return new DecentralizedSpec(DecentralizedRole.Receiver, id);
        }

        var url = ObjectDiff.Find(sendTo, "connectURL")?.ToString();
        if (string.IsNullOrEmpty(url))
        {
            problem = ("spec.sendTo.connectURL", "Required value: the synchronization controller's address (IP:9185) of the receiving side");
            return null;
        }

        return new DecentralizedSpec(DecentralizedRole.Sender, id, url);
    }
}
