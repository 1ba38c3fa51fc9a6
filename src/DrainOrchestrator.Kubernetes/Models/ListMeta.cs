namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Metadata of a list response (meta/v1 ListMeta).</summary>
public sealed class ListMeta : WireModel
{
    /// <summary>The resource version of the collection at the time of the list; a watch starts from here.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Token for the next page of a paginated list; empty or absent on the last page.</summary>
    public string? Continue { get; set; }

    /// <summary>How many items remain after this page, when the server can tell.</summary>
    public long? RemainingItemCount { get; set; }

    /// <summary>Deprecated self link, still sent by some servers.</summary>
    public string? SelfLink { get; set; }
}
