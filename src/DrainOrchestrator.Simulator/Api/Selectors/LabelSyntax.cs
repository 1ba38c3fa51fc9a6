namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>Kubernetes' syntax rules for label keys and values.</summary>
internal static class LabelSyntax
{
    private const int MaxNameLength = 63;
    private const int MaxPrefixLength = 253;

    public static bool IsValidKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return IsQualifiedName(key);
        }

        var prefix = key[..slash];
        return prefix.Length is > 0 and <= MaxPrefixLength
            && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
            && IsQualifiedName(key[(slash + 1)..]);
    }

    public static bool IsValidValue(string value) => value.Length == 0 || IsQualifiedName(value);

    private static bool IsQualifiedName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
