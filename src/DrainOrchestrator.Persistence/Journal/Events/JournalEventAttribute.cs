namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// Marks a record as the journal event of <see cref="Kind"/>, whose payload has the shape of version
/// <see cref="Version"/>. A payload keeps reading rows of its earlier versions: add fields as optional (same version),
/// and raise the version only when a field changes meaning, reading the old shape too. Rows of a version above the
/// catalogue's (written by a newer engine) read as <see cref="UnknownEvent"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class JournalEventAttribute(string kind, int version) : Attribute
{
    /// <summary>The kind, e.g. <c>attempt.intended</c>: unique in the catalogue, and never renamed (stored rows carry it).</summary>
    public string Kind { get; } = kind;

    /// <summary>The payload's version, from 1.</summary>
    public int Version { get; } = version;
}
