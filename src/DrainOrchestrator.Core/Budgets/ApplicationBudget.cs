using System.Globalization;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Budgets;

/// <summary>
/// "At most <see cref="Limit"/> of these VMs migrating (or unavailable) at once", whoever moves them: an application's
/// members never all leave together, even where the cluster's limits would allow it. Budgets are shared by name: every
/// drain and workflow of a cluster counts the same members against the same name.
/// </summary>
/// <param name="Name">The budget's name, unique in a policy; drains of one cluster share a budget by name.</param>
/// <param name="Selector">The VMs it covers, by VMI labels; null for an annotation budget (members by annotation).</param>
/// <param name="Kind">What <paramref name="Limit"/> counts.</param>
/// <param name="Limit">The most members counted at once; 0 lets none move.</param>
public sealed record ApplicationBudget(string Name, LabelSelector? Selector, BudgetLimitKind Kind, int Limit)
{
    /// <summary>The longest name (it is stored with each attempt and shown in plans).</summary>
    public const int MaxNameLength = 253;

    /// <summary>Only VMs of this namespace are members; null for every namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Where the budget comes from.</summary>
    public BudgetSource Source { get; init; } = BudgetSource.Policy;

    /// <summary>For an annotation budget, the annotation's name (members carry it); null otherwise.</summary>
    public string? AnnotationName { get; init; }

    /// <summary>Whether a VM of <paramref name="ns"/> with <paramref name="labels"/> and <paramref name="annotation"/> is a member.</summary>
    public bool Covers(string ns, IReadOnlyDictionary<string, string> labels, BudgetAnnotation? annotation)
    {
        if (!CoversNamespace(ns))
        {
            return false;
        }

        return Selector is null
            ? annotation is not null && string.Equals(annotation.Name, AnnotationName, StringComparison.Ordinal)
            : Selector.Matches(labels);
    }

    /// <summary>
    /// Whether a VM of <paramref name="ns"/> may be a member: all that is known of a restarted VM whose next VMI does not
    /// exist yet, which unavailability budgets then count (a member that may be down is never taken for none).
    /// </summary>
    public bool CoversNamespace(string ns) => Namespace is null || string.Equals(Namespace, ns, StringComparison.Ordinal);

    /// <summary>Every problem with this budget, its fields named under <paramref name="path"/> (e.g. <c>Budgets[0]</c>).</summary>
    public IEnumerable<PolicyProblem> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new PolicyProblem(path + ".Name", "must not be blank", $"'{Name}'");
        }
        else if (Name.Length > MaxNameLength || Name.Any(char.IsControl))
        {
            yield return new PolicyProblem(path + ".Name", $"must be at most {MaxNameLength} printable characters", $"'{Name}'");
        }

        if (Limit < 0)
        {
            yield return new PolicyProblem(path + "." + Kind, "must be at least 0", Limit.ToString(CultureInfo.InvariantCulture));
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return new PolicyProblem(path, "must set exactly one of MaxInFlight and MaxUnavailable", ((int)Kind).ToString(CultureInfo.InvariantCulture));
        }

        if (Selector is null && AnnotationName is null)
        {
            yield return new PolicyProblem(path + ".Selector", "must be set (an empty selector selects every VM)", null);
        }

        foreach (var problem in Selector?.Validate(path + ".Selector") ?? [])
        {
            yield return problem;
        }
    }

    /// <summary>The budget in words, e.g. <c>db (app=db): at most 1 in flight</c>.</summary>
    public override string ToString()
    {
        var members = Selector is null ? $"annotated {BudgetAnnotation.NameKey}={AnnotationName}" : Selector.ToString() is { Length: > 0 } s ? s : "every VM";
        var scope = Namespace is null ? string.Empty : $" in {Namespace}";
        var limit = Kind == BudgetLimitKind.MaxInFlight ? $"at most {Limit} in flight" : $"at most {Limit} unavailable";
        return $"{Name} ({members}{scope}, {Source}): {limit}";
    }
}
