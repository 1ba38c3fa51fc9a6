using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Budgets;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c>, all of which must hold), as an
/// application budget selects its VMs with it. An empty selector selects every VM, as in a PodDisruptionBudget.
/// </summary>
/// <param name="MatchLabels">Labels that must be present with these values.</param>
/// <param name="MatchExpressions">Requirements with In, NotIn, Exists or DoesNotExist (Gt and Lt are node-only).</param>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<NodeSelectorRequirement> MatchExpressions)
{
    /// <summary>The selector that selects everything.</summary>
    public static LabelSelector Everything { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>Whether an object with <paramref name="labels"/> is selected.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every problem with this selector, its fields named under <paramref name="path"/>.</summary>
    public IEnumerable<PolicyProblem> Validate(string path)
    {
        if (MatchLabels is null || MatchExpressions is null)
        {
            yield return new PolicyProblem(path, "must have matchLabels and matchExpressions lists (either may be empty)", null);
            yield break;
        }

        foreach (var key in MatchLabels.Keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                yield return new PolicyProblem(path + ".MatchLabels", "must not have a blank label key", "''");
            }
        }

        for (var i = 0; i < MatchExpressions.Count; i++)
        {
            var e = MatchExpressions[i];
            var at = $"{path}.MatchExpressions[{i}]";
            if (string.IsNullOrWhiteSpace(e.Key))
            {
                yield return new PolicyProblem(at + ".Key", "must not be blank", $"'{e.Key}'");
            }

            switch (e.Operator)
            {
                case SelectorOperator.In or SelectorOperator.NotIn when e.Values is null || e.Values.Count == 0:
                    yield return new PolicyProblem(at + ".Values", $"must have at least one value for {e.Operator}", "none");
                    break;
                case SelectorOperator.Exists or SelectorOperator.DoesNotExist when e.Values is { Count: > 0 }:
                    yield return new PolicyProblem(at + ".Values", $"must be empty for {e.Operator}", string.Join(",", e.Values));
                    break;
                case SelectorOperator.Gt or SelectorOperator.Lt or not (SelectorOperator.In or SelectorOperator.NotIn
                    or SelectorOperator.Exists or SelectorOperator.DoesNotExist):
                    yield return new PolicyProblem(at + ".Operator", "must be In, NotIn, Exists or DoesNotExist", e.Operator.ToString());
                    break;
            }
        }
    }

    /// <summary>The selector in kubectl's syntax, e.g. <c>app=db,tier in (a,b),!legacy</c>; empty when it selects everything.</summary>
    public override string ToString()
    {
        var parts = MatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value).ToList();
        foreach (var e in MatchExpressions)
        {
            parts.Add(e.Operator switch
            {
                SelectorOperator.In => $"{e.Key} in ({string.Join(",", e.Values)})",
                SelectorOperator.NotIn => $"{e.Key} notin ({string.Join(",", e.Values)})",
                SelectorOperator.Exists => e.Key,
                SelectorOperator.DoesNotExist => "!" + e.Key,
                _ => $"{e.Key} {e.Operator} ({string.Join(",", e.Values)})",
            });
        }

        return string.Join(",", parts);
    }
}
