using System.Text.RegularExpressions;
using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

internal static partial class StepParser
{
    // The same bounds as drainctl evacuate's, so a workflow is refused when it is read rather than when the step runs.
    private const int MaxEvacuationAttempts = 20;

    private static EvacuateStep? Evacuate(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var from = Namespace(scope, f, node, path, "fromNamespace", "the namespace the VMs run in");
        var to = Namespace(scope, f, node, path, "toNamespace", "the namespace they move to");
        if (from is not null && from == to)
        {
            scope.Problem(f["toNamespace"], path + ".toNamespace", $"toNamespace is fromNamespace ('{from}'): name another namespace of the cluster");
        }

        var vms = !f.TryGetValue("vms", out var v) ? []
            : v is YamlScalarNode ? (scope.Text(v, path + ".vms") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : scope.Strings(v, path + ".vms");
        foreach (var bad in vms.Where(n => !VmName().IsMatch(n)))
        {
            scope.Problem(v!, path + ".vms", $"'{bad}' is not a VM name (lower-case letters, digits, '-' and '.')");
        }

        var selector = f.TryGetValue("selector", out var s) ? scope.Text(s, path + ".selector") : null;
        if (s is not null && string.IsNullOrWhiteSpace(selector))
        {
            scope.Problem(s, path + ".selector", "must be a label selector such as app=web, was blank");
        }

        if ((vms.Count > 0) == (s is not null))
        {
            scope.Problem(node, path, "evacuate needs exactly one of vms (names) and selector (labels)");
        }

        int? attempts = null;
        if (f.TryGetValue("maxAttempts", out var a))
        {
            attempts = scope.Integer(a, path + ".maxAttempts", 1);
            if (attempts > MaxEvacuationAttempts)
            {
                scope.Problem(a, path + ".maxAttempts", $"must be at most {MaxEvacuationAttempts}, was {attempts}");
            }
        }

        var keep = !f.TryGetValue("keepReceiversOnFailure", out var k) ? false : scope.Boolean(k, path + ".keepReceiversOnFailure");
        var storageClass = f.TryGetValue("storageClass", out var sc) ? scope.Text(sc, path + ".storageClass") : null;
        if (sc is not null && string.IsNullOrWhiteSpace(storageClass))
        {
            scope.Problem(sc, path + ".storageClass", "must name a storage class, was blank (leave it out for each disk's own)");
        }

        return from is null || to is null || keep is not { } keepReceivers ? null
            : new EvacuateStep(id, failure, at, from, to, vms, string.IsNullOrWhiteSpace(selector) ? null : selector, attempts, keepReceivers,
                string.IsNullOrWhiteSpace(storageClass) ? null : storageClass);
    }

    private static string? Namespace(YamlScope scope, Dictionary<string, YamlNode> f, YamlNode node, string path, string field, string what)
    {
        if (!f.TryGetValue(field, out var n))
        {
            scope.Problem(node, path + "." + field, $"'{field}' is required: {what}");
            return null;
        }

        var text = scope.Text(n, path + "." + field);
        if (text is not null && !NamespaceName().IsMatch(text))
        {
            scope.Problem(n, path + "." + field, $"must be a namespace name (lower-case letters, digits and '-', at most 63), was '{text}'");
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex VmName();
}
