using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Policy;

/// <summary>README's table of the drain policy names every field with its option and its API name, in one row.</summary>
public sealed class PolicyFieldsReadmeTests
{
    [Fact]
    public async Task Readme_PolicyTable_ARowPerFieldWithItsOptionAndItsApiName()
    {
        var rows = (await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "README.md")))
            .Where(l => l.StartsWith("| `--", StringComparison.Ordinal)).ToList();

        Assert.All(PolicyFields.All, f => Assert.True(
            rows.Any(r => r.StartsWith($"| `{f.Option}` | `{f.Wire}` |", StringComparison.Ordinal)),
            $"README.md has no policy table row for {f.Option} / {f.Wire}"));
    }
}
