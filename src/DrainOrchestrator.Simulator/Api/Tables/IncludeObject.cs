namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>The <c>includeObject</c> query parameter of a Table request: what each row's <c>object</c> carries.</summary>
internal enum IncludeObject
{
    /// <summary>No object: rows have only cells.</summary>
    None,

    /// <summary>The default: a PartialObjectMetadata with the object's metadata (kubectl reads the namespace from it).</summary>
    Metadata,

    /// <summary>The whole object (kubectl asks for it with <c>--sort-by</c>).</summary>
    Object,
}
