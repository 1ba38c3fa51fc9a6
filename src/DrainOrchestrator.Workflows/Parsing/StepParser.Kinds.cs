using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

internal static partial class StepParser
{
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(30);

    private static StepDefinition? Build(YamlScope scope, StepKind kind, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path) => kind switch
        {
            StepKind.SelectNodes => SelectNodes(scope, id, failure, at, f, node, path),
            StepKind.ForEachBatch => ForEachBatch(scope, id, failure, at, f, node, path),
            StepKind.Cordon => new CordonStep(id, failure, at),
            StepKind.Drain => new DrainStep(id, failure, at),
            StepKind.WaitFor => WaitFor(scope, id, failure, at, f, node, path),
            StepKind.Approval => new ApprovalStep(id, failure, at,
                f.TryGetValue("message", out var m) ? scope.Text(m, path + ".message") ?? string.Empty : "Approve to continue.",
                f.TryGetValue("timeout", out var t) ? scope.Duration(t, path + ".timeout") : null),
            StepKind.AlertGate => AlertGate(scope, id, failure, at, f, node, path),
            StepKind.Hook => Hook(scope, id, failure, at, f, node, path),
            StepKind.Soak => f.TryGetValue("duration", out var d) ? Soak(scope, id, failure, at, d, path)
                : Missing(scope, node, path, "duration"),
            StepKind.Uncordon => new UncordonStep(id, failure, at),
            StepKind.Report => new ReportStep(id, failure, at),
            StepKind.Moveback => new MovebackStep(id, failure, at),
            StepKind.Evacuate => Evacuate(scope, id, failure, at, f, node, path),
            _ => Notify(scope, id, failure, at, f, node, path),
        };

    private static SelectNodesStep? SelectNodes(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var names = !f.TryGetValue("names", out var n) ? []
            : n is YamlScalarNode ? (scope.Text(n, path + ".names") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : scope.Strings(n, path + ".names");
        var selector = f.TryGetValue("selector", out var s) ? scope.Text(s, path + ".selector") : null;
        var zone = f.TryGetValue("zone", out var z) ? scope.Text(z, path + ".zone") : null;
        if (names.Count == 0 && string.IsNullOrEmpty(selector) && string.IsNullOrEmpty(zone))
        {
            scope.Problem(node, path, "selectNodes needs names, a selector or a zone");
            return null;
        }

        // A malformed selector matched nothing, and said so only when the step ran (a schedule's first window, perhaps).
        foreach (var problem in string.IsNullOrEmpty(selector) ? [] : NodeLabelSelector.Problems(selector))
        {
            scope.Problem(s!, path + ".selector", problem);
        }

        return new SelectNodesStep(id, failure, at, names, string.IsNullOrEmpty(selector) ? null : selector, string.IsNullOrEmpty(zone) ? null : zone);
    }

    private static ForEachBatchStep? ForEachBatch(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var size = f.TryGetValue("batchSize", out var b) ? scope.Integer(b, path + ".batchSize", 1) : null;
        var maxUnavailable = f.TryGetValue("maxUnavailable", out var mu) ? scope.Text(mu, path + ".maxUnavailable") : null;
        if (maxUnavailable is not null && !MaxUnavailable(maxUnavailable))
        {
            scope.Problem(mu!, path + ".maxUnavailable", $"must be a count of at least 1 or a percentage from 1% to 100%, was '{maxUnavailable}'");
        }

        if (f.ContainsKey("batchSize") == f.ContainsKey("maxUnavailable"))
        {
            scope.Problem(node, path, "forEachBatch needs exactly one of batchSize and maxUnavailable");
        }

        var order = f.TryGetValue("order", out var o) ? scope.Choice<BatchOrder>(o, path + ".order") : BatchOrder.Zone;
        var label = f.TryGetValue("orderLabel", out var l) ? scope.Text(l, path + ".orderLabel") : null;
        if (order == BatchOrder.Label && string.IsNullOrEmpty(label))
        {
            scope.Problem(node, path + ".orderLabel", "order: label needs orderLabel, the label to order by");
        }

        var multiple = f.TryGetValue("allowMultipleZones", out var a) && scope.Boolean(a, path + ".allowMultipleZones") == true;
        var steps = f.TryGetValue("steps", out var s) ? Steps(scope, s, path + ".steps", nested: true) : Missing<List<StepDefinition>>(scope, node, path, "steps");
        return order is { } known && steps is not null
            ? new ForEachBatchStep(id, failure, at, size, maxUnavailable, known, label, multiple, steps)
            : null;
    }

    private static WaitForStep? WaitFor(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var condition = f.TryGetValue("condition", out var c) ? Condition(scope, c, path + ".condition") : Missing<WaitCondition>(scope, node, path, "condition");
        var timeout = f.TryGetValue("timeout", out var t) ? scope.Duration(t, path + ".timeout") : DefaultWaitTimeout;
        return condition is not null && timeout is { } ok ? new WaitForStep(id, failure, at, condition, ok) : null;
    }

    // One of: ready: true | kubeletVersion: v1.33.0 | label: {key: k, value: v} | nodeCondition: {type: T, status: S}
    private static WaitCondition? Condition(YamlScope scope, YamlNode node, string path)
    {
        var f = scope.Fields(node, path, "ready", "kubeletVersion", "label", "nodeCondition");
        if (f.Count != 1)
        {
            scope.Problem(node, path, "name exactly one condition: ready, kubeletVersion, label or nodeCondition");
            return null;
        }

        var (key, value) = f.First();
        switch (key)
        {
            case "ready":
                return scope.Boolean(value, path + ".ready") == true ? new NodeReady() : Fail(scope, value, path + ".ready", "must be true");
            case "kubeletVersion":
                return scope.Text(value, path + ".kubeletVersion") is { Length: > 0 } v ? new KubeletVersionIs(v) : null;
            case "label":
                var l = scope.Fields(value, path + ".label", "key", "value");
                var lk = scope.Required(l, value, path + ".label", "key");
                var lv = scope.Required(l, value, path + ".label", "value");
                return lk is null || lv is null ? null : new LabelIs(lk, lv);
            default:
                var n = scope.Fields(value, path + ".nodeCondition", "type", "status");
                var nt = scope.Required(n, value, path + ".nodeCondition", "type");
                var ns = n.TryGetValue("status", out var st) ? scope.Text(st, path + ".nodeCondition.status") : "True";
                if (ns is not null and not ("True" or "False" or "Unknown"))
                {
                    return Fail(scope, st!, path + ".nodeCondition.status", $"must be True, False or Unknown, was '{ns}'");
                }

                return nt is null || ns is null ? null : new NodeConditionIs(nt, ns);
        }
    }

    private static AlertGateStep? AlertGate(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var url = f.TryGetValue("prometheusUrl", out var u) ? scope.Url(u, path + ".prometheusUrl") : Missing<Uri>(scope, node, path, "prometheusUrl");
        var query = scope.Required(f, node, path, "query");
        var interval = f.TryGetValue("interval", out var i) ? scope.Duration(i, path + ".interval") : TimeSpan.FromSeconds(30);
        var timeout = f.TryGetValue("timeout", out var t) ? scope.Duration(t, path + ".timeout") : TimeSpan.FromHours(1);
        return url is null || query is null || interval is not { } iv || timeout is not { } to ? null
            : new AlertGateStep(id, failure, at, url, query, iv, to);
    }

    private static HookStep? Hook(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var url = f.TryGetValue("url", out var u) ? scope.Url(u, path + ".url") : Missing<Uri>(scope, node, path, "url");
        var phase = f.TryGetValue("phase", out var p) ? scope.Choice<HookPhase>(p, path + ".phase") : HookPhase.Post;
        var retries = f.TryGetValue("retries", out var r) ? scope.Integer(r, path + ".retries", 0) : 3;
        var timeout = f.TryGetValue("timeout", out var t) ? scope.Duration(t, path + ".timeout") : TimeSpan.FromSeconds(30);
        var delay = f.TryGetValue("retryDelay", out var d) ? scope.Duration(d, path + ".retryDelay", allowZero: true) : TimeSpan.FromSeconds(10);
        return url is null || phase is not { } ph || retries is not { } rt || timeout is not { } to || delay is not { } dl ? null
            : new HookStep(id, failure, at, url, ph, rt, to, dl);
    }

    private static SoakStep? Soak(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at, YamlNode node, string path) =>
        scope.Duration(node, path + ".duration") is { } d ? new SoakStep(id, failure, at, d) : null;

    private static NotifyStep? Notify(YamlScope scope, string id, StepFailurePolicy failure, SourcePosition at,
        Dictionary<string, YamlNode> f, YamlNode node, string path)
    {
        var url = f.TryGetValue("url", out var u) ? scope.Url(u, path + ".url") : Missing<Uri>(scope, node, path, "url");
        var format = f.TryGetValue("format", out var fm) ? scope.Choice<NotifyFormat>(fm, path + ".format") : NotifyFormat.Generic;
        var message = scope.Required(f, node, path, "message");
        return url is null || format is not { } ok || message is null ? null : new NotifyStep(id, failure, at, url, ok, message);
    }

    private static bool MaxUnavailable(string text) =>
        text.EndsWith('%') ? int.TryParse(text[..^1], out var p) && p is >= 1 and <= 100 : int.TryParse(text, out var n) && n >= 1;

    private static StepDefinition? Missing(YamlScope scope, YamlNode node, string path, string field) => Missing<StepDefinition>(scope, node, path, field);

    private static T? Missing<T>(YamlScope scope, YamlNode node, string path, string field)
        where T : class
    {
        scope.Problem(node, path + "." + field, $"'{field}' is required");
        return null;
    }

    private static WaitCondition? Fail(YamlScope scope, YamlNode node, string path, string message)
    {
        scope.Problem(node, path, message);
        return null;
    }
}
