using System.Globalization;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Selectors;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>The query parameters of a resource request, parsed and checked; every problem becomes a 400.</summary>
internal sealed record ApiQuery(
    LabelSelector Labels,
    FieldSelector Fields,
    int Limit,
    string? Continue,
    bool Watch,
    long? ResourceVersion,
    TimeSpan? Timeout,
    bool AllowBookmarks,
    bool DryRun,
    string? PropagationPolicy)
{
    public static ApiQuery Parse(IQueryCollection query, ResourceType type)
    {
        var problems = new List<string>();
        var labels = Try(problems, () => LabelSelector.Parse(query["labelSelector"]), LabelSelector.Everything);
        var fields = Try(problems, () => FieldSelector.Parse(query["fieldSelector"]), FieldSelector.Everything);
        foreach (var field in fields.Requirements.Select(r => r.Field).Where(f => !type.IsSelectableField(f)))
        {
            problems.Add($"field label not supported: {field}");
        }

        var limit = Number(problems, query, "limit") ?? 0;
        var timeout = Number(problems, query, "timeoutSeconds");
        var version = Number(problems, query, "resourceVersion");
        var dryRun = query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            problems.Add($"Invalid dryRun value \"{dryRun}\": only \"All\" is supported");
        }

        if (problems.Count > 0)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
        }

        return new ApiQuery(labels, fields, (int)Math.Clamp(limit, 0, int.MaxValue), NullIfEmpty(query["continue"]),
            IsTrue(query["watch"]), version, timeout is { } t ? TimeSpan.FromSeconds(t) : null,
            IsTrue(query["allowWatchBookmarks"]), dryRun == "All", NullIfEmpty(query["propagationPolicy"]));
    }

    private static T Try<T>(List<string> problems, Func<T> parse, T fallback)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
            return fallback;
        }
    }

    private static long? Number(List<string> problems, IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"invalid {name} \"{text}\": must be a non-negative integer");
        return null;
    }

    private static bool IsTrue(string? value) => value is "true" or "1";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
