namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>The server's TLS certificate was refused: a matter of configuration (<c>--server-ca</c>, the name in <c>--server</c>), not worth retrying.</summary>
internal sealed class ServerCertificateException : Exception
{
    public ServerCertificateException()
    {
    }

    public ServerCertificateException(string message)
        : base(message)
    {
    }

    public ServerCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
