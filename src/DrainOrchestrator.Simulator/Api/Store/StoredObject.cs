using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// One committed version of an object: immutable, with its serialised JSON kept so lists and watches write bytes
/// without serialising again, and the labels and selectable fields pre-extracted for selectors.
/// </summary>
public sealed class StoredObject
{
    internal StoredObject(ResourceType type, JsonObject committed)
    {
        Type = type;
        Json = ObjectJson.Serialize(committed);
        var metadata = ObjectMetadata.Of(committed);
        Namespace = metadata.Namespace;
        Name = metadata.Name;
        Uid = metadata.Uid;
        ResourceVersion = metadata.ResourceVersion;
        Labels = metadata.Labels;
        Finalizers = metadata.Finalizers;
        IsTerminating = metadata.DeletionTimestamp is not null;
        Fields = FieldValues.Extract(type, committed);
    }

    /// <summary>The resource type.</summary>
    public ResourceType Type { get; }

    /// <summary>The namespace, empty for cluster-scoped objects.</summary>
    public string Namespace { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The uid given at creation.</summary>
    public string Uid { get; }

    /// <summary>The resourceVersion of this version.</summary>
    public long ResourceVersion { get; }

    /// <summary>The labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The finalizers.</summary>
    public IReadOnlyList<string> Finalizers { get; }

    /// <summary>Whether a deletionTimestamp is set (the object waits for its finalizers).</summary>
    public bool IsTerminating { get; }

    /// <summary>The values of the type's selectable fields, for field selectors.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The object's JSON as UTF-8.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The store key: <c>namespace/name</c>.</summary>
    public string Key => ObjectKey.Of(Namespace, Name);

    /// <summary>A fresh, mutable copy of the object.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json.Span)!.AsObject();
}
