namespace DrainOrchestrator.Core.Policy;

/// <summary>
/// One problem with a policy value, kept structured so that each front door can name the field in its user's terms
/// (a command-line option, a JSON field) and show values in the user's units; <see cref="ToString"/> uses Core's names.
/// </summary>
/// <param name="Field">The policy property path in Core's terms, e.g. <c>MaxParallelMigrations</c> or <c>Failure.MaxAttempts</c>.</param>
/// <param name="Requirement">What the value must be, without the field's name, e.g. <c>must be at least 1</c>.</param>
/// <param name="Actual">The value found, as Core formats it; null when there is none to show.</param>
/// <param name="Other">A field the requirement compares against, named after <paramref name="Requirement"/>.</param>
/// <param name="OtherActual">That field's value, as Core formats it.</param>
/// <param name="Remedy">A field whose setting lifts the requirement, e.g. <c>AllowAboveClusterLimits</c>.</param>
public sealed record PolicyProblem(
    string Field, string Requirement, string? Actual, string? Other = null, string? OtherActual = null, string? Remedy = null)
{
    /// <summary>The problem in the user's terms: <paramref name="name"/> maps a field path to the user's name for it and
    /// <paramref name="value"/> to its value in the user's units (null: Core's formatting).</summary>
    public string Render(Func<string, string> name, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var text = name(Field) + " " + Requirement;
        if (Other is not null)
        {
            text += $" {name(Other)} ({value(Other) ?? OtherActual})";
        }

        if (Actual is not null)
        {
            text += ", was " + (value(Field) ?? Actual);
        }

        return Remedy is null ? text : text + $"; set {name(Remedy)} to override";
    }

    /// <summary>The problem in Core's names and formatting.</summary>
    public override string ToString() => Render(static f => f, static _ => null);
}
