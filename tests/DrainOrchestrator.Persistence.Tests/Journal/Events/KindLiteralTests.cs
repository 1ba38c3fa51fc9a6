using System.Text.RegularExpressions;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Journal.Events;

/// <summary>Journal kinds are spelled once, in the catalogue: no source outside it builds or compares a kind by string.</summary>
public sealed class KindLiteralTests
{
    private static readonly string Catalogue = Path.Combine("src", "DrainOrchestrator.Persistence", "Journal", "Events") + Path.DirectorySeparatorChar;

    [Fact]
    public void Sources_OutsideTheCatalogue_NameNoKind()
    {
        var pattern = KindLiteral();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file);
            if (relative.StartsWith(Catalogue, StringComparison.Ordinal) || IsBuildOutput(relative) || IsSimulator(relative))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal) && pattern.Match(lines[i]) is { Success: true } match)
                {
                    found.Add($"{relative}:{i + 1}: {match.Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "kinds spelled outside the catalogue:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Pattern_FindsWhatItLooksFor()
    {
        var pattern = KindLiteral();

        Assert.Matches(pattern, """await writer.WriteAsync("attempt." + outcome, payload);""");
        Assert.Matches(pattern, """if (kind is "drain.succeeded") return;""");
        Assert.Matches(pattern, """if (kind != "progress") return;""");
        Assert.DoesNotMatch(pattern, """const string Taint = "node.kubernetes.io/unschedulable";""");
    }

    // A string literal that is a kind, or an area of kinds followed by a dot ("attempt." + outcome).
    private static Regex KindLiteral()
    {
        var kinds = JournalCatalogue.Types.Select(t => t.Kind).ToList();
        var areas = kinds.Where(k => k.Contains('.', StringComparison.Ordinal)).Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).Distinct();
        var plain = kinds.Where(k => !k.Contains('.', StringComparison.Ordinal));
        return new Regex(
            $"\"(?:(?:{string.Join('|', areas.Select(Regex.Escape))})\\.[a-z_.]*|{string.Join('|', plain.Select(Regex.Escape))})\"",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // drain-sim never links the orchestrator's journal: its JSON fields ("progress" of a DataVolume) are KubeVirt's and CDI's words.
    private static bool IsSimulator(string relative) =>
        relative.Split(Path.DirectorySeparatorChar) is [_, var project, ..] && project.StartsWith("DrainOrchestrator.Simulator", StringComparison.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
