using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private UpgradeSettings ParseUpgrade(YamlNode node)
    {
        var f = _reader.Fields(node, "upgrade", "targetVersion", "nodes", "selector", "trigger", "startDelay",
            "rebootDuration", "jitter", "retryInterval", "onOccupied", "failures");
        var settings = UpgradeSettings.None;
        TimeSpan? D(string key) => f.TryGetValue(key, out var v) ? _reader.Duration(v, "upgrade." + key, Second) : null;
        settings = settings with
        {
            TargetVersion = f.TryGetValue("targetVersion", out var t) ? _reader.Str(t, "upgrade.targetVersion") : null,
            Nodes = f.TryGetValue("nodes", out var n) ? [.. _reader.Items(n, "upgrade.nodes").Select(i => _reader.Str(i, "an upgrade.nodes entry")).OfType<string>()] : [],
            Selector = f.TryGetValue("selector", out var s) ? _reader.Labels(s, "upgrade.selector") : null,
            Trigger = f.TryGetValue("trigger", out var tr) ? _reader.Enum<UpgradeTrigger>(tr, "upgrade.trigger") ?? settings.Trigger : settings.Trigger,
            StartDelay = D("startDelay") ?? settings.StartDelay,
            RebootDuration = D("rebootDuration") ?? settings.RebootDuration,
            Jitter = D("jitter") ?? settings.Jitter,
            RetryInterval = D("retryInterval") ?? settings.RetryInterval,
            OnOccupied = f.TryGetValue("onOccupied", out var o) ? _reader.Enum<OccupiedNodePolicy>(o, "upgrade.onOccupied") ?? settings.OnOccupied : settings.OnOccupied,
            Failures = f.TryGetValue("failures", out var failures) ? ParseUpgradeFailures(failures) : [],
        };
        Positions[settings] = node;
        return settings;
    }

    private List<UpgradeFailure> ParseUpgradeFailures(YamlNode node)
    {
        var result = new List<UpgradeFailure>();
        foreach (var item in _reader.Items(node, "upgrade.failures"))
        {
            var f = _reader.Fields(item, "an upgrade failure", "node", "returnAfter");
            var name = _reader.RequiredStr(f, "node", item, "an upgrade failure");
            var returnAfter = f.TryGetValue("returnAfter", out var r) ? _reader.Duration(r, "upgrade failure returnAfter", Second) : null;
            if (name is not null)
            {
                var failure = new UpgradeFailure(name, returnAfter);
                Positions[failure] = item;
                result.Add(failure);
            }
        }

        return result;
    }
}
