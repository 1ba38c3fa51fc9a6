using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The checks Kubernetes applies to every object's metadata on create.</summary>
internal static class ObjectValidation
{
    private const int MaxSubdomainLength = 253;

    /// <summary>The causes that make a name invalid (a DNS-1123 subdomain is required); empty when valid.</summary>
    public static List<ApiStatusCause> NameProblems(string name)
    {
        var problems = new List<ApiStatusCause>();
        if (name.Length == 0)
        {
            problems.Add(new("FieldValueRequired", "Required value: name or generateName is required", "metadata.name"));
            return problems;
        }

        var valid = name.Length <= MaxSubdomainLength
            && name.Split('.').All(IsLabel);
        if (!valid)
        {
            problems.Add(new(
                "FieldValueInvalid",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                "metadata.name"));
        }

        return problems;
    }

    private static bool IsLabel(string part) =>
        part.Length > 0
        && IsLowerAlphanumeric(part[0])
        && IsLowerAlphanumeric(part[^1])
        && part.All(c => IsLowerAlphanumeric(c) || c == '-');

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
