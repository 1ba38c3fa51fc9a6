using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>Compact JSON of the objects, lists and watch events the list-watch tests serve.</summary>
internal static class WireJson
{
    public static string Vmi(string name, string node, int resourceVersion, string @namespace = "tenant-a")
        => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstance","metadata":{"name":"{{{name}}}","namespace":"{{{@namespace}}}","uid":"uid-{{{name}}}","resourceVersion":"{{{resourceVersion}}}","labels":{"kubevirt.io/nodeName":"{{{node}}}","app":"db"},"annotations":{"kubevirt.io/latest-observed-api-version":"v1"}},"spec":{"domain":{"cpu":{"cores":2},"memory":{"guest":"4Gi"},"devices":{"disks":[{"name":"root","disk":{"bus":"virtio"}}]}},"evictionStrategy":"LiveMigrate"},"status":{"phase":"Running","nodeName":"{{{node}}}","migrationMethod":"LiveMigration","interfaces":[{"name":"default","ipAddress":"10.0.0.{{{resourceVersion % 250}}}"}],"conditions":[{"type":"Ready","status":"True"},{"type":"LiveMigratable","status":"True"}]}}""");

    public static string List(string kind, string resourceVersion, IEnumerable<string> items, string? continueToken = null)
    {
        var builder = new StringBuilder();
        builder.Append("{\"apiVersion\":\"v1\",\"kind\":\"").Append(kind)
            .Append("\",\"metadata\":{\"resourceVersion\":\"").Append(resourceVersion).Append('"');
        if (continueToken is not null)
        {
            builder.Append(",\"continue\":\"").Append(continueToken).Append('"');
        }

        return builder.Append("},\"items\":[").AppendJoin(',', items).Append("]}").ToString();
    }

    public static string Event(string type, string objectJson) => $$"""{"type":"{{type}}","object":{{objectJson}}}""" + "\n";

    public static string Bookmark(int resourceVersion)
        => Event("BOOKMARK", string.Create(CultureInfo.InvariantCulture,
            $$$"""{"kind":"VirtualMachineInstance","apiVersion":"kubevirt.io/v1","metadata":{"resourceVersion":"{{{resourceVersion}}}"}}"""));

    public static string Expired(int resourceVersion)
        => Event("ERROR", string.Create(CultureInfo.InvariantCulture,
            $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: {{resourceVersion}}","reason":"Expired","code":410}"""));

    public static bool IsWatch(FakeRequest request) => request.Target.Contains("watch=true", StringComparison.Ordinal);
}
