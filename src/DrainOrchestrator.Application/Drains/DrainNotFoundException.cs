namespace DrainOrchestrator.Application.Drains;

/// <summary>No drain has that id or name; a retry finds nothing either unless the name is changed.</summary>
public sealed class DrainNotFoundException : Exception
{
    public DrainNotFoundException()
    {
    }

    public DrainNotFoundException(string idOrName)
        : base($"there is no drain '{idOrName}'") => IdOrName = idOrName;

    public DrainNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the caller named.</summary>
    public string IdOrName { get; } = string.Empty;
}
