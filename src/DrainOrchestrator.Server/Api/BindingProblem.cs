using System.Text.RegularExpressions;
using DrainOrchestrator.Application.Requests;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// A route or query value the framework could not bind to its parameter (<c>?limit=abc</c>), as a request problem naming
/// the parameter, what it takes and what was sent, like every other 400 of the API.
/// </summary>
internal static partial class BindingProblem
{
    public static RequestProblem Of(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failed = FailedToBind().Match(exception.Message);
        if (failed.Success)
        {
            var name = failed.Groups["name"].Value;
            return new RequestProblem(name, $"{name} must be {Describe(failed.Groups["type"].Value)}, was '{failed.Groups["value"].Value}'");
        }

        var missing = Required().Match(exception.Message);
        return missing.Success
            ? new RequestProblem(missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required")
            : new RequestProblem(string.Empty, exception.Message);
    }

    // The framework writes the type as C# does (int?) or as Nullable<int>.
    private static string Describe(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "double" or "Double" or "decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "an id (a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)",
        "DateTimeOffset" or "DateTime" => "an ISO 8601 instant with its offset, such as 2027-01-02T06:00:00Z",
        var other => "a " + other,
    };

    // Microsoft.AspNetCore.Http.RequestDelegateFactory's wording: Failed to bind parameter "int? limit" from "abc".
    [GeneratedRegex("""parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>[^"]*)""")]
    private static partial Regex FailedToBind();

    // Required parameter "string name" was not provided from ...
    [GeneratedRegex("""Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex Required();
}
