using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// The policy's <c>budgets</c> as JSON: <c>[{"name": "db", "selector": {"matchLabels": {...}, "matchExpressions":
/// [{"key", "operator", "values"}]}, "maxInFlight": 1}]</c> (or <c>"maxUnavailable"</c>). A string item is the command
/// line's form (<see cref="BudgetText"/>). Ranges are checked by Core's validation.
/// </summary>
internal static class BudgetsJson
{
    public static JsonNode Write(IReadOnlyList<ApplicationBudget> budgets) => new JsonArray([.. budgets.Select(b => (JsonNode)new JsonObject
    {
        ["name"] = b.Name,
        ["selector"] = new JsonObject
        {
            ["matchLabels"] = new JsonObject([.. (b.Selector ?? LabelSelector.Everything).MatchLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
            ["matchExpressions"] = new JsonArray([.. (b.Selector ?? LabelSelector.Everything).MatchExpressions.Select(e => (JsonNode)new JsonObject
            {
                ["key"] = e.Key,
                ["operator"] = e.Operator.ToString(),
                ["values"] = new JsonArray([.. e.Values.Select(v => (JsonNode)v)]),
            })]),
        },
        [b.Kind == BudgetLimitKind.MaxInFlight ? "maxInFlight" : "maxUnavailable"] = b.Limit,
    })]);

    /// <summary>The budgets, or every problem with them in one message.</summary>
    public static (IReadOnlyList<ApplicationBudget> Budgets, string? Problem) Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return ([], $"must be a list of budgets, was {element.GetRawText()}");
        }

        var budgets = new List<ApplicationBudget>();
        var problems = new List<string>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var budget = item.ValueKind == JsonValueKind.String ? BudgetText.Parse(item.GetString()!, out var problem) : Budget(item, out problem);
            if (budget is null)
            {
                problems.Add($"item {i} {problem}");
            }
            else
            {
                budgets.Add(budget);
            }

            i++;
        }

        return (budgets, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private static ApplicationBudget? Budget(JsonElement item, out string? problem)
    {
        problem = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"must be an object with name, selector and maxInFlight or maxUnavailable, was {item.GetRawText()}";
            return null;
        }

        var problems = new List<string>();
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
        if (name is null)
        {
            problems.Add("name must be a string");
        }

        var inFlight = Count(item, "maxInFlight", problems);
        var unavailable = Count(item, "maxUnavailable", problems);
        if ((inFlight is null) == (unavailable is null))
        {
            problems.Add("must set exactly one of maxInFlight and maxUnavailable");
        }

        var selector = item.TryGetProperty("selector", out var s) ? Selector(s, problems) : null;
        if (selector is null && !item.TryGetProperty("selector", out _))
        {
            problems.Add("selector must be set ({} selects every VM)");
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.Name is not ("name" or "selector" or "maxInFlight" or "maxUnavailable"))
            {
                problems.Add($"'{property.Name}' is not a budget field (name, selector, maxInFlight, maxUnavailable)");
            }
        }

        if (problems.Count > 0)
        {
            problem = $"('{name}'): " + string.Join(", ", problems);
            return null;
        }

        return new ApplicationBudget(name!, selector, inFlight is null ? BudgetLimitKind.MaxUnavailable : BudgetLimitKind.MaxInFlight,
            inFlight ?? unavailable!.Value);
    }

    private static int? Count(JsonElement item, string field, List<string> problems)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count))
        {
            return count;
        }

        problems.Add($"{field} must be an integer, was {value.GetRawText()}");
        return null;
    }

    private static LabelSelector? Selector(JsonElement selector, List<string> problems)
    {
        if (selector.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"selector must be an object with matchLabels and matchExpressions, was {selector.GetRawText()}");
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (selector.TryGetProperty("matchLabels", out var ml))
        {
            if (ml.ValueKind != JsonValueKind.Object)
            {
                problems.Add("selector.matchLabels must be an object of strings");
            }
            else
            {
                foreach (var label in ml.EnumerateObject())
                {
                    labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString()! : label.Value.GetRawText();
                }
            }
        }

        var expressions = new List<NodeSelectorRequirement>();
        if (selector.TryGetProperty("matchExpressions", out var me))
        {
            if (me.ValueKind != JsonValueKind.Array)
            {
                problems.Add("selector.matchExpressions must be a list");
            }
            else
            {
                foreach (var e in me.EnumerateArray())
                {
                    var key = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "";
                    var op = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("operator", out var o) ? o.GetString() ?? "" : "";
                    var values = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array
                        ? v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList()
                        : [];
                    if (!Enum.TryParse<SelectorOperator>(op, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
                    {
                        problems.Add(string.Format(CultureInfo.InvariantCulture,
                            "selector.matchExpressions operator must be In, NotIn, Exists or DoesNotExist, was '{0}'", op));
                        continue;
                    }

                    expressions.Add(new NodeSelectorRequirement(key, parsed, values));
                }
            }
        }

        return new LabelSelector(labels, expressions);
    }
}
