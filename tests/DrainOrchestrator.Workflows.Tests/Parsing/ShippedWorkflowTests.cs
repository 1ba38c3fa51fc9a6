using System.Text.Json.Nodes;
using DrainOrchestrator.Testing;
using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Workflows.Tests.Parsing;

/// <summary>The definitions shipped in workflows/ are valid, and workflows/schema.json describes exactly what the parser takes.</summary>
public sealed class ShippedWorkflowTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "workflows");

    [Theory]
    [InlineData("maintenance-window.yaml")]
    [InlineData("rolling-upgrade.yaml")]
    [InlineData("evacuate-zone.yaml")]
    public async Task Parse_ShippedWorkflow_HasNoProblems(string file)
    {
        var (definition, problems) = await WorkflowParser.ParseFileAsync(Path.Combine(Folder, file), null, CancellationToken.None);

        Assert.Empty(problems);
        Assert.NotNull(definition);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.Name);
        Assert.Equal(64, definition.ContentHash.Length);
    }

    [Fact]
    public async Task Parse_RollingUpgradeWithArguments_BindsThemIntoTypedSteps()
    {
        var (definition, problems) = await WorkflowParser.ParseFileAsync(Path.Combine(Folder, "rolling-upgrade.yaml"),
            new Dictionary<string, string> { ["kubeletVersion"] = "v1.33.2", ["batchSize"] = "4", ["soak"] = "90s" }, CancellationToken.None);

        Assert.Empty(problems);
        var batches = Assert.IsType<ForEachBatchStep>(definition!.Steps.Single(s => s.Id == "batches"));
        Assert.Equal(4, batches.BatchSize);
        Assert.Equal(BatchOrder.Zone, batches.Order);
        Assert.Equal(new KubeletVersionIs("v1.33.2"), Assert.IsType<WaitForStep>(batches.Steps.Single(s => s.Id == "upgraded")).Condition);
        Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<SoakStep>(batches.Steps.Single(s => s.Id == "soak")).Duration);
        Assert.Equal(TimeSpan.FromMinutes(45), Assert.IsType<WaitForStep>(batches.Steps.Single(s => s.Id == "upgraded")).Timeout);
    }

    [Fact]
    public async Task Parse_RequiredParameterMissingWhenRunning_NamesIt()
    {
        var (definition, problems) = await WorkflowParser.ParseFileAsync(Path.Combine(Folder, "rolling-upgrade.yaml"),
            new Dictionary<string, string>(), CancellationToken.None);

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Message.Contains("parameter 'kubeletVersion' has no default", StringComparison.Ordinal));
        // Said once, where it is declared: its references are not also "unknown parameters".
        Assert.DoesNotContain(problems, p => p.Message.Contains("unknown parameter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_ArgumentOfTheWrongType_NamedOnceAndNotAlsoUnknownWhereItIsUsed()
    {
        var (definition, problems) = await WorkflowParser.ParseFileAsync(Path.Combine(Folder, "rolling-upgrade.yaml"),
            new Dictionary<string, string> { ["kubeletVersion"] = "v1.33.2", ["batchSize"] = "four" }, CancellationToken.None);

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal("parameters.batchSize", problem.Path);
        Assert.Contains("the value 'four' is not a whole number", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_EveryStepKindAndFieldOfTheParser_Described()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "schema.json")))!;
        var defs = schema["$defs"]!.AsObject();
        foreach (var (kind, fields) in StepParser.FieldsOf)
        {
            var name = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
            var properties = defs[name]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { "id", "kind", "onFailure" }.Concat(fields).Order(StringComparer.Ordinal), properties);
        }

        var policy = schema["properties"]!["policy"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(Engine.Policy.PolicyFields.All.Select(f => f.Wire).Order(StringComparer.Ordinal), policy);
    }
}
