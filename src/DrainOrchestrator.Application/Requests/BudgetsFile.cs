using System.Text.Json.Nodes;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Application.Requests;

/// <summary>
/// <c>drainctl --budgets-file FILE</c>: a YAML or JSON list of application budgets, each as the API's budget object or the
/// command line's <c>NAME=SELECTOR:max=K</c> (docs/budgets.md), read by the workflow parser's <see cref="BudgetsYaml"/>.
/// </summary>
public static class BudgetsFile
{
    /// <summary>The option's name.</summary>
    public const string Option = "--budgets-file";

    /// <summary>The file's budgets as the policy's JSON list, and every problem with them at its file:line:column.</summary>
    public static (JsonArray Budgets, IReadOnlyList<RequestProblem> Problems) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            // A small local file read while the options are parsed, before any work starts.
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [new RequestProblem(Option, $"{Option} cannot read '{path}': {ex.Message}; give a readable YAML or JSON file")]);
        }

        var (budgets, problems) = BudgetsYaml.Parse(text, path);
        return (budgets, [.. problems.Select(p => new RequestProblem(Option, $"{Option} {p}"))]);
    }
}
