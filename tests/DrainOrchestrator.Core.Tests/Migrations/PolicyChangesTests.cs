using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Migrations;

/// <summary>
/// <see cref="PolicyChanges"/> tells which MigrationPolicies moved between two readings by content, not by instance: the
/// engine maps every policy again on any policy change, and a revision of the plan predicts again only what a moved
/// policy selects.
/// </summary>
public sealed class PolicyChangesTests
{
    private static Dictionary<string, string> Labels(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    [Fact]
    public void Moved_SameContentInNewInstances_IsEmpty()
    {
        IReadOnlyList<MigrationPolicySnapshot> before = [Make.Policy("a", Labels("tier", "db"), bandwidth: 64), Make.Policy("b", allowPostCopy: true)];
        IReadOnlyList<MigrationPolicySnapshot> after = [Make.Policy("b", allowPostCopy: true), Make.Policy("a", Labels("tier", "db"), bandwidth: 64)];

        Assert.Empty(PolicyChanges.Moved(before, after));
        Assert.True(PolicyChanges.Same(before, after));
    }

    [Fact]
    public void Moved_AddedRemovedAndChanged_NamesEachFormOfEach()
    {
        var kept = Make.Policy("kept", Labels("tier", "db"));
        var removed = Make.Policy("removed", Labels("tier", "web"));
        var changedBefore = Make.Policy("changed", Labels("tier", "db"));
        var changedAfter = Make.Policy("changed", Labels("tier", "cache"));
        var added = Make.Policy("added", allowPostCopy: true);

        var moved = PolicyChanges.Moved([kept, removed, changedBefore], [kept, changedAfter, added]);

        Assert.Equal(["changed", "changed", "added", "removed"], moved.Select(p => p.Name));
        Assert.Contains(changedBefore, moved);
        Assert.Contains(changedAfter, moved);
        Assert.False(PolicyChanges.Same([kept], [kept with { MaxDowntime = TimeSpan.FromMilliseconds(300) }]));
    }

    [Fact]
    public void Selects_ReadsBothSelectors()
    {
        var policy = Make.Policy("p", Labels("tier", "db"), namespaceSelector: Labels("env", "prod"));

        Assert.True(PolicyChanges.Selects(policy, Make.Vmi("a", "n1", labels: Labels("tier", "db"), namespaceLabels: Labels("env", "prod"))));
        Assert.False(PolicyChanges.Selects(policy, Make.Vmi("b", "n1", labels: Labels("tier", "db"), namespaceLabels: Labels("env", "dev"))));
        Assert.False(PolicyChanges.Selects(policy, Make.Vmi("c", "n1", labels: Labels("tier", "web"), namespaceLabels: Labels("env", "prod"))));
    }
}
