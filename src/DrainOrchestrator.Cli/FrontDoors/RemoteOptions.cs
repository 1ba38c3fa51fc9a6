namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>How to reach a drainctl server: its URL, the bearer token, and a CA to trust for its certificate.</summary>
/// <param name="Server">The server's base URL, e.g. https://drains.example:8443.</param>
/// <param name="Token">The bearer token; null sends none.</param>
/// <param name="CaFile">A PEM file of the CA (or the self-signed certificate) the server's certificate must chain to; null uses the system's.</param>
internal sealed record RemoteOptions(Uri Server, string? Token, string? CaFile);
