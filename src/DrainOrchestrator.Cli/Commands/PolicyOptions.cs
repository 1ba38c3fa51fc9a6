using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// The drain policy's options, one per field of <see cref="PolicyFields"/> (<c>maxParallel</c> is <c>--max-parallel</c>).
/// The options the user typed become the same JSON document the API takes, read by the same code, so drainctl and the API
/// accept and refuse exactly the same policies and word their problems from the same table.
/// </summary>
internal sealed class PolicyOptions
{
    private static readonly DrainPolicy Defaults = new();
    private readonly List<(PolicyField Field, Option Option)> _options = [];
    private readonly Option<string> _budgetsFile = new(BudgetsFile.Option)
    {
        Description = "A YAML or JSON list of application budgets, added to those of --budget (see docs/budgets.md).",
    };

    public PolicyOptions()
    {
        foreach (var field in PolicyFields.All)
        {
            var description = field.Description + (field.Kind == PolicyValueKind.Switch ? string.Empty : $" Default: {field.Show(Defaults)}.");
            Option option = field.Kind switch
            {
                PolicyValueKind.Count => new Option<int>(field.Option) { Description = description },
                PolicyValueKind.Seconds => new Option<double>(field.Option) { Description = description },
                PolicyValueKind.Switch => new Option<bool>(field.Option) { Description = description },
                PolicyValueKind.Budgets => new Option<string[]>(field.Option) { Description = field.Description },
                _ => Choice(field, description),
            };
            _options.Add((field, option));
        }
    }

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
        {
            command.Options.Add(option);
        }

        command.Options.Add(_budgetsFile);
    }

    /// <summary>The policy the typed options describe, or every problem with them in option terms.</summary>
    public DrainPolicy Read(ParseResult parse, out IReadOnlyList<RequestProblem> problems)
    {
        var document = new JsonObject();
        foreach (var (field, option) in _options)
        {
            if (parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            document[field.Wire] = option switch
            {
                Option<int> o => JsonValue.Create(parse.GetValue(o)),
                Option<double> o => Seconds(parse.GetValue(o)),
                Option<bool> o => JsonValue.Create(parse.GetValue(o)),
                Option<string> o => JsonValue.Create(parse.GetValue(o)),
                Option<string[]> o => new JsonArray([.. (parse.GetValue(o) ?? []).Select(t => (JsonNode)JsonValue.Create(t))]),
                _ => null,
            };
        }

        var fileProblems = new List<RequestProblem>();
        if (parse.GetValue(_budgetsFile) is { } file)
        {
            var (budgets, found) = BudgetsFile.Read(file);
            fileProblems.AddRange(found);
            var all = document["budgets"] as JsonArray ?? [];
            foreach (var budget in budgets.ToList())
            {
                budgets.Remove(budget);
                all.Add(budget);
            }

            document["budgets"] = all;
        }

        using var json = JsonDocument.Parse(document.ToJsonString());
        var policy = PolicyDocument.Parse(json.RootElement, out var shape);
        problems = [.. fileProblems, .. shape.Select(p => FieldTerms.Render(p, policy, FrontDoor.CommandLine))];
        return policy;
    }

    // NaN and infinity have no JSON form: they are passed as text so the document reader refuses them by name.
    private static JsonValue Seconds(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static Option<string> Choice(PolicyField field, string description)
    {
        var option = new Option<string>(field.Option) { Description = description };
        option.CompletionSources.Add([.. field.Choices]);
        return option;
    }
}
