using System.Net;
using System.Net.Sockets;

namespace DrainOrchestrator.Testing;

/// <summary>Loopback ports for tests.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on: one the system just gave out and took back.</summary>
    public static int Released()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
