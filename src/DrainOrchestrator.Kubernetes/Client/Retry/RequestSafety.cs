namespace DrainOrchestrator.Kubernetes.Client.Retry;

/// <summary>Whether repeating a request after an unknown outcome could do its effect twice.</summary>
internal enum RequestSafety
{
    /// <summary>Reads, updates with a resourceVersion, merge patches, deletes: repeated on any back-off failure.</summary>
    Idempotent,

    /// <summary>
    /// Creates and JSON patches: repeated only when the failure proves the server did not act on the request (not sent,
    /// or refused with 429 before being processed).
    /// </summary>
    NonIdempotent,
}
