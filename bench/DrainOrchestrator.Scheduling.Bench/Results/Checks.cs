using System.Globalization;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>
/// What must hold in every run (the bench exits non-zero otherwise): no KubeVirt limit exceeded in the ground truth,
/// the orchestrator's drain complete, and never slower than KubeVirt alone (informed and blind: the issue allows no
/// scenario or seed slower). The bound and rolling targets are reported,
/// not enforced: a miss is a finding for the summary, not a broken build.
/// </summary>
internal static class Checks
{
    public static List<string> Failures(BenchReport report)
    {
        var failures = new List<string>();
        foreach (var c in report.Cases)
        {
            var name = $"{c.Entry.Id}/{c.Limits.Name}";
            if (c.Orchestrator.LimitViolations > 0 || c.KubeVirtAlone.LimitViolations > 0)
            {
                failures.Add($"{name}: limit violations in the ground truth (orchestrator {c.Orchestrator.LimitViolations}, KubeVirt alone {c.KubeVirtAlone.LimitViolations})");
            }

            if (!c.Orchestrator.Complete)
            {
                failures.Add($"{name}: the orchestrator's drain did not complete ({c.Orchestrator.Left} VMIs left)");
            }
            else if (!c.NotWorseThanKubeVirt)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: slower than KubeVirt alone ({c.Orchestrator.MakespanSeconds:0.0} s against {c.KubeVirtAlone.MakespanSeconds:0.0} s)"));
            }
        }

        foreach (var c in report.BlindCases)
        {
            var name = $"{c.Entry.Id}/{c.Limits.Name} (blind mapping)";
            if (!c.Orchestrator.Complete || c.Orchestrator.LimitViolations > 0)
            {
                failures.Add($"{name}: {c.Orchestrator.Left} VMIs left, {c.Orchestrator.LimitViolations} limit violations");
            }
            else if (!c.NotWorseThanKubeVirt)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: slower than KubeVirt alone ({c.Orchestrator.MakespanSeconds:0.0} s against {c.KubeVirtAlone.MakespanSeconds:0.0} s)"));
            }
        }

        return failures;
    }
}
