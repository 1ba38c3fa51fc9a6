namespace DrainOrchestrator.Application.Requests;

/// <summary>
/// The rule for the names the API's paths address (drains, workflow instances, schedules): 1 to 200 printable
/// characters, no '/' (a path segment cannot carry one: the name could be created but never read or deleted), and not
/// "." or "..".
/// </summary>
public static class ResourceName
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 200;

    /// <summary>Why <paramref name="name"/> cannot name a <paramref name="what"/> (e.g. "the schedule's name"), or null when it can.</summary>
    public static string? Problem(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength || name.Any(char.IsControl))
        {
            return $"{what} must be 1 to {MaxLength} printable characters, was '{name}'";
        }

        return name.Contains('/', StringComparison.Ordinal) || name is "." or ".."
            ? $"{what} must not contain '/' nor be '.' or '..' (the API's paths name it), was '{name}'"
            : null;
    }
}
