using System.Security.Cryptography;
using System.Text;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// Parses a workflow file (<c>apiVersion: drain-orchestrator.io/v1</c>, <c>kind: Workflow</c>) into a
/// <see cref="WorkflowDefinition"/>, reporting every problem at once with its file:line:column. The format is described
/// for editors by <c>workflows/schema.json</c>.
/// </summary>
public static partial class WorkflowParser
{
    /// <summary>The apiVersion every workflow file declares.</summary>
    public const string ApiVersion = "drain-orchestrator.io/v1";

    /// <summary>
    /// Parses <paramref name="text"/> read from <paramref name="file"/>; <paramref name="arguments"/> binds the
    /// parameters (null: validation only, required parameters take a sample value). The definition is null when
    /// there is any problem.
    /// </summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems) Parse(string text, string file,
        IReadOnlyDictionary<string, string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return (null, [new WorkflowProblem(new SourcePosition(file, (int)ex.Start.Line, (int)ex.Start.Column), string.Empty,
                "not valid YAML: " + ex.Message)]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections, without a position.
            return (null, [new WorkflowProblem(new SourcePosition(file, 1, 1), string.Empty,
                "not valid YAML: an unterminated [list] or {mapping}; check the brackets")]);
        }

        if (stream.Documents.Count != 1)
        {
            return (null, [new WorkflowProblem(new SourcePosition(file, 1, 1), string.Empty,
                $"a workflow file holds exactly one YAML document, this one holds {stream.Documents.Count}")]);
        }

        var root = stream.Documents[0].RootNode;
        var early = new List<WorkflowProblem>();
        var definitions = ParametersOf(root, file, early);
        var binding = ParameterBinding.Bind(definitions, arguments, new SourcePosition(file, 1, 1),
            (at, path, message) => early.Add(new WorkflowProblem(at, path, message)));
        var scope = new YamlScope(file, binding);
        var definition = Root(scope, root, definitions, Hash(text));
        var problems = early.Concat(scope.Problems).OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column).ToList();
        return (problems.Count == 0 ? definition : null, problems);
    }

    /// <summary>Reads and parses a file; a file that cannot be read is one problem.</summary>
    public static async Task<(WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems)> ParseFileAsync(string path,
        IReadOnlyDictionary<string, string>? arguments, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [new WorkflowProblem(new SourcePosition(path, 1, 1), string.Empty, "cannot read the file: " + ex.Message)]);
        }

        return Parse(text, path, arguments);
    }

    private static WorkflowDefinition? Root(YamlScope scope, YamlNode root, IReadOnlyList<ParameterDefinition> parameters, string hash)
    {
        var fields = scope.Fields(root, string.Empty, "apiVersion", "kind", "metadata", "parameters", "policy", "schedule", "steps");
        var apiVersion = scope.Required(fields, root, string.Empty, "apiVersion");
        if (apiVersion is not null && apiVersion != ApiVersion)
        {
            scope.Problem(fields["apiVersion"], "apiVersion", $"must be {ApiVersion}, was '{apiVersion}'");
        }

        var kind = scope.Required(fields, root, string.Empty, "kind");
        if (kind is not null && kind != "Workflow")
        {
            scope.Problem(fields["kind"], "kind", $"must be Workflow, was '{kind}'");
        }

        var (name, version, description) = fields.TryGetValue("metadata", out var metadata) ? Metadata(scope, metadata)
            : Missing(scope, root, "metadata");
        var policy = fields.TryGetValue("policy", out var p) ? WorkflowPolicy.Read(scope, p) : new DrainPolicy();
        var schedule = fields.TryGetValue("schedule", out var s) ? ScheduleParser.Read(scope, s) : null;
        var steps = fields.TryGetValue("steps", out var stepsNode) ? StepParser.Steps(scope, stepsNode, "steps", nested: false) : [];
        if (!fields.ContainsKey("steps"))
        {
            scope.Problem(root, "steps", "'steps' is required: a workflow does at least one thing");
        }

        StepParser.CheckIds(scope, steps);
        return name is null ? null
            : new WorkflowDefinition(name, version ?? 1, description, hash, parameters, scope.Parameters.Arguments, policy, steps, schedule);
    }

    private static (string? Name, int? Version, string? Description) Metadata(YamlScope scope, YamlNode node)
    {
        var fields = scope.Fields(node, "metadata", "name", "version", "description");
        var name = scope.Required(fields, node, "metadata", "name");
        if (name is not null && !KubernetesNames.IsDnsLabel(name))
        {
            scope.Problem(fields["name"], "metadata.name", $"must be a DNS label (lowercase letters, digits and '-', at most 63), was '{name}'");
        }

        var version = fields.TryGetValue("version", out var v) ? scope.Integer(v, "metadata.version", 1) : 1;
        var description = fields.TryGetValue("description", out var d) ? scope.Text(d, "metadata.description") : null;
        return (name, version, description);
    }

    private static (string?, int?, string?) Missing(YamlScope scope, YamlNode root, string field)
    {
        scope.Problem(root, field, $"'{field}' is required");
        return (null, null, null);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
