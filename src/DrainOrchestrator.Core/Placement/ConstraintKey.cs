using System.Text;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>
/// A canonical text of a VMI's placement constraints. VMIs with equal keys admit the same nodes, so the node scan is
/// done once per key instead of once per VMI.
/// </summary>
internal static class ConstraintKey
{
    public static string For(VmiSnapshot vmi)
    {
        if (vmi.NodeSelector.Count == 0 && vmi.RequiredAffinityTerms.Count == 0 && vmi.Tolerations.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (key, value) in vmi.NodeSelector.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("s\u0001").Append(key).Append('\u0001').Append(value).Append('\u0002');
        }

        foreach (var term in vmi.RequiredAffinityTerms)
        {
            text.Append("t\u0002");
            foreach (var requirement in term.MatchExpressions)
            {
                text.Append(requirement.Key).Append('\u0001').Append((int)requirement.Operator);
                foreach (var value in requirement.Values)
                {
                    text.Append('\u0001').Append(value);
                }

                text.Append('\u0002');
            }
        }

        foreach (var toleration in vmi.Tolerations)
        {
            text.Append("o\u0001").Append(toleration.Key).Append('\u0001').Append((int)toleration.Operator)
                .Append('\u0001').Append(toleration.Value).Append('\u0001').Append(toleration.Effect?.ToString() ?? "*")
                .Append('\u0002');
        }

        return text.ToString();
    }
}
