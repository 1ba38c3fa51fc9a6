namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>Annotations an operator sets on nodes and VMIs (the engine's hints).</summary>
internal sealed partial class FakeCluster
{
    public FakeCluster AnnotateNode(string node, string key, string value)
    {
        lock (_gate)
        {
            var meta = _nodes.Single(n => n.Metadata.Name == node).Metadata;
            meta.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
            meta.Annotations[key] = value;
        }

        return this;
    }

    public FakeCluster AnnotateVmi(string vmi, string key, string value)
    {
        lock (_gate)
        {
            var meta = _vmis.Single(v => v.Metadata.Name == vmi).Metadata;
            meta.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
            meta.Annotations[key] = value;
        }

        return this;
    }
}
